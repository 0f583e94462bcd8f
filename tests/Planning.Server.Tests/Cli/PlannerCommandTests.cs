using System.Text.Json;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>planning scenarios pin|lock|unpin|unlock, what-if and sweep on the imported dataset (issue 12 §5).</summary>
public sealed class PlannerCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private PlanningServer Server => fixture.Server;

    private async Task<JsonElement> Succeed(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json().RootElement.Clone();
    }

    /// <summary>The area with the most primary pupils in the run's first term, its school, and another (primary-only) school that teaches then.</summary>
    private async Task<(string Area, string From, string To)> MoveAsync()
    {
        var term = await Succeed("results", fixture.RedistributedRun, "--term", "2020-autumn");
        var assignments = term.GetProperty("assignments").EnumerateArray()
            .Where(a => a.GetProperty("schoolPrimaryCode").GetString() is { Length: > 0 })
            .OrderByDescending(a => a.GetProperty("students").EnumerateArray().Take(6).Sum(s => s.GetInt32())).First();
        var from = assignments.GetProperty("schoolPrimaryCode").GetString()!;
        var primary = fixture.Dataset.Features("schools").Where(s => (string?)s["level"] == "primary").Select(s => (string)s["code"]!).ToHashSet();
        var to = term.GetProperty("schools").EnumerateArray()
            .First(s => s.GetProperty("primaryTracks").GetInt32() > 0 && s.GetProperty("open").GetBoolean()
                && s.GetProperty("schoolCode").GetString() is { } code && code != from && primary.Contains(code))
            .GetProperty("schoolCode").GetString()!;
        return (assignments.GetProperty("areaCode").GetString()!, from, to);
    }

    [Fact]
    public async Task ScenariosPinThenUnpin_AreaAndSchool_AddsThePinAndRemovesIt()
    {
        var id = (await Succeed("scenarios", "create", "钉住", "--horizon", "2021-spring")).GetProperty("id").GetString()!;
        var (area, _, to) = await MoveAsync();

        var pinned = await Succeed("scenarios", "pin", id, area, to, "--from", "2020-autumn");
        var unpinned = await Succeed("scenarios", "unpin", id, area);

        var change = Assert.Single(pinned.GetProperty("changes").EnumerateArray());
        Assert.Equal("pin", change.GetProperty("type").GetString());
        Assert.Equal(area, change.GetProperty("areaCode").GetString());
        Assert.Empty(unpinned.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task ScenariosLockThenUnlock_School_AddsTheLockAndRemovesIt()
    {
        var id = (await Succeed("scenarios", "create", "锁定", "--horizon", "2021-spring")).GetProperty("id").GetString()!;
        var (_, from, _) = await MoveAsync();

        var locked = await Succeed("scenarios", "lock", id, from, "--from", "2021-spring");
        var unlocked = await Succeed("scenarios", "unlock", id, from);

        Assert.Equal("lock", Assert.Single(locked.GetProperty("changes").EnumerateArray()).GetProperty("type").GetString());
        Assert.Empty(unlocked.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task ScenariosUnpin_NoSuchPin_IsAUsageError()
    {
        var id = (await Succeed("scenarios", "create", "无钉", "--horizon", "2021-spring")).GetProperty("id").GetString()!;

        var result = await CliHarness.RunAsync(Server, "scenarios", "unpin", id, "NO-SUCH-AREA");

        Assert.Equal(Planning.Cli.ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("no pin of area NO-SUCH-AREA", result.Output);
    }

    [Fact]
    public async Task ScenariosPin_SchoolOfTheWrongLevel_ShowsTheServersFieldAndExitsWithBadInput()
    {
        var id = (await Succeed("scenarios", "create", "错级", "--horizon", "2021-spring")).GetProperty("id").GetString()!;
        var (area, _, _) = await MoveAsync();
        var junior = (string)fixture.Dataset.Features("schools").First(s => (string?)s["level"] == "junior")["code"]!;

        var result = await CliHarness.RunAsync(Server, "scenarios", "pin", id, area, junior, "--from", "2020-autumn", "--level", "primary");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("changes[0].pin_area.school_code", result.Output);
    }

    [Fact]
    public async Task WhatIf_OneMove_MatchesTheServersAnswerAndStoresNothing()
    {
        var (area, from, to) = await MoveAsync();
        var runs = await Server.Database.ScalarAsync("SELECT count(*) FROM runs");

        var answer = await Succeed("what-if", fixture.RedistributedRun, "--term", "2020-autumn", "--move", $"{area}={to}");

        var moved = Assert.Single(answer.GetProperty("areas").EnumerateArray());
        Assert.Equal((from, to), (moved.GetProperty("fromSchoolCode").GetString(), moved.GetProperty("toSchoolCode").GetString()));
        var pupils = moved.GetProperty("pupils").GetInt32();
        Assert.True(pupils > 0);
        var target = answer.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolCode").GetString() == to);
        Assert.Equal(target.GetProperty("before").GetProperty("total").GetInt32() + moved.GetProperty("pupilsMoved").GetInt32(),
            target.GetProperty("after").GetProperty("total").GetInt32());
        Assert.Equal(runs, await Server.Database.ScalarAsync("SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task WhatIf_SaveThenRun_ReoptimisesAroundThePin()
    {
        var (area, _, to) = await MoveAsync();

        var saved = await Succeed("what-if", fixture.RedistributedRun, "--term", "2020-autumn", "--move", $"{area}={to}", "--save", "我的调整");
        var scenario = saved.GetProperty("savedScenario");
        var run = await Succeed("run", "--scenario", scenario.GetProperty("id").GetString()!);
        var term = await Succeed("results", run.GetProperty("id").GetString()!, "--term", "2020-autumn");

        Assert.Equal("pin", scenario.GetProperty("changes").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal(to, term.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("areaCode").GetString() == area)
            .GetProperty("schoolPrimaryCode").GetString());
    }

    [Fact]
    public async Task WhatIf_BadMoveSyntax_IsAUsageError()
    {
        var result = await CliHarness.RunAsync(Server, "what-if", fixture.RedistributedRun, "--term", "2020-autumn", "--move", "no-equals-sign");

        Assert.Equal(Planning.Cli.ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("AREA=SCHOOL", result.Output);
    }

    [Fact]
    public async Task Sweep_TwoMoveCosts_PrintsTheTableAndDrawsTheChart()
    {
        var chart = Path.Combine(Directory.CreateTempSubdirectory("planning-sweep-").FullName, "sweep.png");

        var table = await Succeed("sweep", fixture.ScenarioId, "--move-costs", "500,20000", "--chart", chart);

        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([500.0, 20000.0], rows.Select(r => r.GetProperty("value").GetDouble()));
        Assert.All(rows, r => Assert.Equal(2, r.GetProperty("terms").GetArrayLength()));
        var png = await File.ReadAllBytesAsync(chart);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        Assert.True(png.Length > 10_000, $"{png.Length} bytes");
    }
}
