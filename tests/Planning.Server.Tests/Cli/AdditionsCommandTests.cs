using System.Globalization;
using System.Text.RegularExpressions;

namespace Planning.Server.Tests.Cli;

/// <summary>planning additions: the least-cost additions of a run's term (issue 13 §2) as the server plans them.</summary>
public sealed class AdditionsCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private const string Term = "2021-spring";

    [Fact]
    public async Task Additions_RedistributedRun_JsonAddsUpAndTableListsEveryPartAndTheTotals()
    {
        // A short search in wall-clock seconds: the fixture's district is not proven optimal within it, and on a loaded
        // machine one call may find a dearer plan than the other (never none), so each output is checked against itself.
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
        // The headline's count of school parts, and a table titled "code name — part, N students" for each.
        var parts = int.Parse(Regex.Match(table.Output, @"over (\d+) school part\(s\)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(parts, Regex.Matches(table.Output, @"BD-[PJN]-\d{3} \S+ — .+, [\d,]+ students").Count);
        if (parts == schools.Count && table.Output.Contains($"¥{cost.ToString("N0", CultureInfo.InvariantCulture)} over", StringComparison.Ordinal))
        {
            Assert.All(schools, s => Assert.Contains(s.GetProperty("schoolCode").GetString()!, table.Output)); // the same plan both times
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
