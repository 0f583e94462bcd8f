namespace Planning.Server.Tests.Cli;

/// <summary>planning additions: the least-cost additions of a run's term (issue 13 §2) as the server plans them.</summary>
public sealed class AdditionsCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const string Term = "2021-spring";

    [Fact]
    public async Task Additions_RedistributedRun_JsonAddsUpAndTableListsEveryPartAndTheTotals()
    {
        // A short search: the fixture's district is not proven optimal within it, so the two calls may differ; each must add up.
        var json = await CliHarness.RunAsync(fixture.Server, "additions", fixture.RedistributedRun, "--term", Term, "--budgets", "none", "--time-limit", "5", "--json");
        var table = await CliHarness.RunAsync(fixture.Server, "additions", fixture.RedistributedRun, "--term", Term, "--budgets", "none", "--time-limit", "5");

        Assert.Equal(0, json.ExitCode);
        var plan = json.Json().RootElement;
        Assert.Contains(plan.GetProperty("status").GetString(), new[] { "optimal", "feasible" });
        var cost = plan.GetProperty("costYuan").GetDouble();
        var schools = plan.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal(cost, schools.Sum(s => s.GetProperty("costYuan").GetDouble()), 3);
        Assert.InRange(plan.GetProperty("lowerBoundYuan").GetDouble(), 0, cost + 1e-6);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("District totals against the budgets:", table.Output);
        Assert.Contains("shortfall", table.Output);
        foreach (var school in schools.Select(s => s.GetProperty("schoolCode").GetString()!))
        {
            Assert.Contains(school, table.Output);
        }
    }

    [Fact]
    public async Task Additions_UnknownBudgetSet_RefusedNamingTheOption()
    {
        var result = await CliHarness.RunAsync(fixture.Server, "additions", fixture.RedistributedRun, "--term", Term, "--budgets", "lavish");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'lavish' is not a valid budgets: use one of action-plan, none", result.Output);
    }
}
