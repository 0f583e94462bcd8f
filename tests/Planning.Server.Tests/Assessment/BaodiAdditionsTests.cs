using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// Issue 13 §2 on Baodi (data/geo): the plan scenario (redistribution to 2022-autumn) plus the
/// suggested additions passes the standard in 2022-autumn, checked by running and assessing the
/// scenario PlanAdditions returns; and against the action plan's own budgets the smallest shortfall.
/// The figures are in docs/DOMAIN.md ("The cheapest path to passing").
/// </summary>
public sealed class BaodiAdditionsTests
{
    private const string Term = "2022-autumn";

    [Fact]
    public async Task PlanAdditions_BaodiPlanScenario_ScenarioWithAdditionsPassesIn2022Autumn()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
        var calls = new RunCalls(channel);
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = await calls.ScenarioAsync(Term), Label = "plan" });
        var before = await assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = run.Id, Term = Term });

        var free = await assessment.PlanAdditionsAsync(new PlanAdditionsRequest { RunId = run.Id, Term = Term, Budgets = BudgetSet.None });
        var bounded = await assessment.PlanAdditionsAsync(new PlanAdditionsRequest { RunId = run.Id, Term = Term, Budgets = BudgetSet.ActionPlan });
        Console.WriteLine(Report(before, free, bounded));

        Assert.False(before.Passes);
        // Baodi is too large to prove optimal in the time limit: a plan that passes, and the bound proven below its cost.
        Assert.Contains(free.Status, new[] { PlanStatus.Optimal, PlanStatus.Feasible });
        Assert.Empty(free.NotFixedByResources);
        Assert.InRange(free.LowerBoundYuan, 1, free.CostYuan + 1e-6);
        Assert.Equal(free.CostYuan, free.Schools.Sum(s => s.CostYuan), 3);
        // Against the plan's budgets: either a plan within them, or the smallest excess over at least one.
        Assert.True(bounded.Status is PlanStatus.Optimal or PlanStatus.Feasible || (bounded.Status == PlanStatus.OverBudget && bounded.Budgets.Any(b => b.Shortfall > 0)));
        // Budgets only narrow the plans that pass, so the free problem's proven bound holds for them too.
        Assert.True(bounded.CostYuan >= free.LowerBoundYuan - 1e-6);

        // No time for a solve (as on a loaded server): still a plan that passes, each part's cheapest way through the
        // 6-of-7 rule with the coefficients filled, no cheaper than the bound the full search proved.
        var hurried = await assessment.PlanAdditionsAsync(new PlanAdditionsRequest { RunId = run.Id, Term = Term, Budgets = BudgetSet.None, TimeLimitSeconds = 0.001 });
        Assert.Equal(PlanStatus.Feasible, hurried.Status);
        Assert.All(hurried.After.SelectMany(p => p.Coefficients), c => Assert.True(c.Met, $"{c.Indicator} {c.Value}"));
        Assert.Equal(free.After.Select(p => p.SchoolsMeetingAll), hurried.After.Select(p => p.SchoolsMeetingAll));
        Assert.InRange(hurried.LowerBoundYuan, 1, free.LowerBoundYuan + 1e-6);
        Assert.True(hurried.CostYuan >= free.LowerBoundYuan - 1e-6);

        var scenario = await calls.Scenarios.CreateScenarioAsync(free.Scenario);
        var (_, rerun) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Label = "plan + additions" });
        var after = await assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = rerun.Id, Term = Term });
        Assert.True(after.Passes, Report(after, free, bounded));
    }

    private static string Report(DistrictAssessment district, PlanAdditionsResponse free, PlanAdditionsResponse bounded) =>
        $"passes {district.Passes}; free: {free.Status} ¥{free.CostYuan:N0} (bound ¥{free.LowerBoundYuan:N0}), {free.Schools.Count} parts, {free.Method}; "
        + string.Join(", ", free.Budgets.Select(b => $"{b.Indicator} +{b.Added:N0}"))
        + $"; action plan: {bounded.Status} ¥{bounded.CostYuan:N0}, "
        + string.Join(", ", bounded.Budgets.Where(b => b.HasBudget).Select(b => $"{b.Indicator} +{b.Added:N0} of {b.Budget:N0} (short {b.Shortfall:N0})"))
        + "; before: " + string.Join("; ", district.Parts.Select(p => $"{p.Part} {p.SchoolsMeetingAll}/{p.Schools} "
            + string.Join(" ", p.Coefficients.Select(c => $"{c.Value:0.000}{(c.Met ? "" : "!")}"))))
        + "; not fixed: " + string.Join(" | ", free.NotFixedByResources);
}
