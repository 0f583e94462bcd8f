using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Scenarios;
using V1 = Planning.V1;

namespace Planning.Server.Rules;

/// <summary>The rules in force, from the engine's <see cref="Standard"/> and defaults, for every client.</summary>
[Authorize(Policy = Roles.Viewer)]
public sealed class RulesApi(SimulationParameters defaults) : V1.RulesService.RulesServiceBase
{
    public override Task<V1.Rules> GetRules(V1.GetRulesRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(defaults));

    public static V1.Rules ToProto(SimulationParameters defaults)
    {
        var standard = defaults.Standard;
        var rules = new V1.Rules
        {
            Standard = standard.Name,
            SchoolSizeLimit = standard.SchoolSizeLimit,
            NineYearSizeLimit = standard.NineYearSizeLimit,
            MinimumIndicatorsMet = standard.MinimumMet,
            FloorShare = standard.FloorShare,
            JuniorPupilWeight = standard.JuniorPupilWeight,
            TermFormat = new V1.TermFormat
            {
                Pattern = Term.Pattern, Example = Term.Base.ToString(), MinYear = Term.MinYear, MaxYear = Term.MaxYear,
            },
            Defaults = new V1.SimulationDefaults
            {
                StartTerm = defaults.Start.ToString(),
                HorizonTerm = defaults.Horizon.ToString(),
                PrimaryStudentsPer1000 = defaults.PrimaryNormPerThousand,
                JuniorStudentsPer1000 = defaults.JuniorNormPerThousand,
                MoveCostM = defaults.MoveCostMetres,
                CatchmentChangeCostM = defaults.CatchmentChangeCostMetres,
                CandidateSchools = defaults.CandidateSchools,
                TimeLimitSeconds = defaults.Solver.TimeLimitSeconds,
                MaxHorizonYears = ScenarioMapping.MaxHorizonYears,
                UnderFillCostM = defaults.UnderFillCostMetres,
                OpeningFillShare = defaults.OpeningFillShare,
                MaxSweepValues = Planner.PlannerApi.MaxSweepValues,
                MaxWhatIfMoves = Engine.WhatIf.WhatIfTerm.MaxMoves,
            },
        };
        rules.GradeBands.AddRange(SchoolParts.All.Select(part => new V1.GradeBand
        {
            Part = Vocabulary.ToProto(part),
            FirstGrade = Grades.FirstOf(part),
            LastGrade = Grades.LastOf(part),
            ClassLimit = standard.ClassLimit(part),
            CoefficientCeiling = standard.CoefficientCeiling(part),
        }));
        rules.Indicators.AddRange(Indicators.All.Select(indicator => new V1.IndicatorRule
        {
            Indicator = Vocabulary.ToProto(indicator),
            NameZh = Indicators.ChineseName(indicator),
            NameEn = Indicators.EnglishName(indicator),
            Unit = Indicators.ValueUnit(indicator),
            AmountUnit = Indicators.AmountUnit(indicator),
            PerStudents = Indicators.PerStudents(indicator),
            PrimaryNorm = standard.Threshold(SchoolPart.Primary, indicator),
            JuniorNorm = standard.Threshold(SchoolPart.Junior, indicator),
            ResourceMaximum = ResourceLimits.Maximum(indicator),
            ResourceField = ResourceLimits.FieldName(indicator),
        }));
        return rules;
    }
}
