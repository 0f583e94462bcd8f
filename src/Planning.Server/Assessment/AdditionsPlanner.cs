using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Additions;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>
/// PlanAdditions (issue 13 §2, 新增配置方案): the least-cost additions for a run's term from
/// <see cref="AdditionsSolver"/>, spread over the run's terms by <see cref="AdditionsSchedule"/>, with
/// the district before and after and the scenario that holds them. Computes only; stores nothing.
/// </summary>
public sealed class AdditionsPlanner(PlanningDb db, RunResults runs)
{
    private readonly RunAssessments _assessments = new(db, runs);

    public async Task<V1.PlanAdditionsResponse> PlanAsync(V1.PlanAdditionsRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var options = AdditionsRequest.Read(request, problems);
        var run = await _assessments.FindAsync(request.RunId, request.Term, ct, [.. problems]);
        var standard = RunAssessments.StandardOf(run);
        var schools = (await _assessments.TermAsync(run, request.Term, ct)).Where(s => s.Counts).ToList();
        var parts = schools.SelectMany(s => s.Assessment.Parts.Where(p => p.Students > 0).Select(p =>
            (School: s, Stock: new PartStock(s.Facts.Code, p.Part, p.Students, Resources.Of([.. p.Indicators.Select(i => i.Current)]))))).ToList();
        var (budgets, yearly) = options.BudgetsFor(parts.Sum(p => p.Stock.Current.TeachersBackbone));
        var problem = new AdditionsProblem([.. parts.Select(p => p.Stock)], standard, options.Costs, budgets);

        var plan = await Task.Run(() => AdditionsSolver.Solve(problem, options.TimeLimitSeconds), ct);
        var term = Term.Parse(request.Term);
        var terms = (await db.RunTerms.AsNoTracking().Where(t => t.RunId == run.Id).Select(t => t.Term).ToListAsync(ct))
            .Select(Term.Parse).Where(t => t <= term).Order().ToList();
        var spread = AdditionsSchedule.Spread(plan, terms, yearly);

        var after = schools.Select(s => After(s, plan, term, standard)).ToList();
        var response = new V1.PlanAdditionsResponse
        {
            RunId = request.RunId,
            Term = request.Term,
            Status = Status(plan.Status),
            CostYuan = plan.Cost,
            LowerBoundYuan = plan.LowerBound,
            Scenario = await ScenarioAsync(run, spread, ct),
            Method = string.Create(CultureInfo.InvariantCulture,
                $"mixed-integer programme (SCIP) over {parts.Count} school parts; coefficient ceilings as tangent cuts of their second-order cone, {plan.CutRounds} cut(s); {Unproven(plan)}every plan checked by the assessment's own rules"),
        };
        response.UnitCosts.AddRange(Indicators.All.Select(k => new V1.UnitCost { Indicator = Vocabulary.ToProto(k), Yuan = options.Costs.Of(k) }));
        response.Schools.AddRange(AdditionsProto.Schools(plan, spread, schools, options.Costs));
        response.Budgets.AddRange(AdditionsProto.Budgets(plan, budgets, options.Costs));
        response.Before.AddRange(AssessmentProto.District(run.Id.ToString(), request.Term,
            DistrictAssessment.Assess(schools.Select(s => s.Assessment), standard)).Parts);
        response.After.AddRange(AssessmentProto.District(run.Id.ToString(), request.Term, DistrictAssessment.Assess(after, standard)).Parts);
        response.NotFixedByResources.AddRange(after.SelectMany(NotFixed));
        return response;
    }

    /// <summary>What the method text says of a plan not proven least-cost within the budgets.</summary>
    private static string Unproven(AdditionsPlan plan) => plan.Status switch
    {
        PlanStatus.Feasible => "not proven optimal in the time limit: the cheapest plan found that passes (coefficients filled from the lowest values up) and the bound proven; ",
        PlanStatus.OverBudget when plan.WithinBudgetsRuledOut => "no plan within the budgets exists (proven); ",
        PlanStatus.OverBudget => "no plan within the budgets found before the time limit (none proven impossible either); ",
        _ => "",
    };

    /// <summary>The school in the term with the plan's additions for its parts in place.</summary>
    private static SchoolAssessment After(AssessedSchool school, AdditionsPlan plan, Term term, Standard standard)
    {
        var added = plan.Parts.Where(p => p.Code == school.Facts.Code)
            .Select(p => new EngineEntry(ResourceParts.Of(p.Part), term, Resources.Of(p.Amounts)));
        var facts = school.Facts with { Additions = [.. school.Facts.Additions, .. added] };
        return facts.Assess(school.Row, standard);
    }

    private static IEnumerable<string> NotFixed(SchoolAssessment school)
    {
        if (!school.SizeMet)
        {
            yield return $"{school.Code}: {GapTexts.ForSize(school.StudentsOverSize, school.SizeLimit)}";
        }
        foreach (var part in school.Parts.Where(p => p.Students > 0 && !p.ClassesMet))
        {
            yield return $"{school.Code} {AssessmentTable.PartName(part.Part)}: {GapTexts.ForClasses(part.Grades)} over the class limit";
        }
    }

    /// <summary>The run's scenario (settings and changes) followed by the plan's additions, ready for CreateScenario.</summary>
    private async Task<V1.CreateScenarioRequest> ScenarioAsync(RunRow run, IReadOnlyList<ScheduledAddition> spread, CancellationToken ct)
    {
        var source = run.ScenarioId is { } id ? await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        var parameters = RunSnapshots.Read(run).Parameters;
        var scenario = new V1.CreateScenarioRequest
        {
            Name = $"{source?.Name ?? "基础数据"} + 新增配置方案 {parameters.HorizonTerm}",
            Description = $"The run {run.Id}'s scenario with the least-cost additions of PlanAdditions.",
            Settings = source is null
                ? new V1.ScenarioSettings { StartTerm = parameters.StartTerm, HorizonTerm = parameters.HorizonTerm }
                : ScenarioStore.ToProto(source).Settings,
        };
        if (source is not null)
        {
            scenario.Changes.AddRange(ScenarioStore.ChangesOf(source));
        }
        scenario.Changes.AddRange(spread.Select(a => new V1.ScenarioChange
        {
            AddResources = new V1.AddResources { SchoolCode = a.Code, Added = AdditionsProto.Resources(a) },
        }));
        return scenario;
    }

    private static V1.PlanStatus Status(PlanStatus status) => status switch
    {
        PlanStatus.Optimal => V1.PlanStatus.Optimal,
        PlanStatus.Feasible => V1.PlanStatus.Feasible,
        PlanStatus.OverBudget => V1.PlanStatus.OverBudget,
        _ => V1.PlanStatus.NoPlan,
    };
}
