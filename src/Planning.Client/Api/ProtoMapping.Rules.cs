using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static Rules ToRecord(V1.Rules r) => new(
        r.Standard,
        r.SchoolSizeLimit,
        r.NineYearSizeLimit,
        [.. r.GradeBands.Select(b => new GradeBand(b.Part, b.FirstGrade, b.LastGrade, b.ClassLimit, b.CoefficientCeiling))],
        [.. r.Indicators.Select(i => new IndicatorRule(i.Indicator, i.NameZh, i.NameEn, i.Unit, i.AmountUnit, i.PerStudents, i.PrimaryNorm, i.JuniorNorm))],
        r.MinimumIndicatorsMet,
        r.FloorShare,
        new TermFormat(r.TermFormat.Pattern, r.TermFormat.Example, r.TermFormat.MinYear, r.TermFormat.MaxYear),
        new SimulationDefaults(
            r.Defaults.StartTerm, r.Defaults.HorizonTerm, r.Defaults.PrimaryStudentsPer1000, r.Defaults.JuniorStudentsPer1000,
            r.Defaults.MoveCostM, r.Defaults.CatchmentChangeCostM, r.Defaults.CandidateSchools, r.Defaults.TimeLimitSeconds,
            r.Defaults.MaxHorizonYears));
}
