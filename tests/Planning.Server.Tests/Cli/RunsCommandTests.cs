using System.Text.Json;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>planning run --detach and planning runs watch|cancel|delete against a real server (issue 16).</summary>
public sealed class RunsCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    private PlanningServer Server => fixture.Server;

    [Fact]
    public async Task RunsWatch_DetachedRun_PrintsTheWholeResult()
    {
        var scenario = await ScenarioAsync("2021-spring");
        var started = await SucceedAsync(CliHarness.WithKey(Server.AdminKey), "run", "--scenario", scenario, "--label", "detached", "--detach", "--json");
        Assert.Equal("queued", started.GetProperty("status").GetString());
        var id = started.GetProperty("id").GetString()!;

        var watched = await SucceedAsync(CliHarness.WithKey(Server.AdminKey), "runs", "watch", id, "--json");
        var stored = await SucceedAsync(CliHarness.WithKey(Server.AdminKey), "runs", "show", id, "--json");

        Assert.Equal("succeeded", watched.GetProperty("status").GetString());
        Assert.Equal(["2020-autumn", "2021-spring"], watched.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(stored.GetProperty("summaries").GetRawText(), watched.GetProperty("summaries").GetRawText());
        Assert.Equal(1, watched.GetProperty("attempts").GetInt32());
        Assert.NotEmpty(watched.GetProperty("node").GetString()!);
        Assert.Equal(Engine.Simulation.SolverBuild.Name, stored.GetProperty("solver").GetString());

        // Watching again after the end replays the journal from the start: every term's progress, then the table.
        var again = await CliHarness.RunAsync(Server, "runs", "watch", id);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("2021-spring", again.Output);
        Assert.Contains("%", again.Output);
        Assert.Contains("per term", again.Output);
        var shown = await CliHarness.RunAsync(Server, "runs", "show", id);
        Assert.Contains("solver", shown.Output);
        Assert.Contains(Engine.Simulation.SolverBuild.Name, shown.Output);
    }

    [Fact]
    public async Task RunsCancelAndDelete_AnotherPlannersRun_ExitNotAllowedAndTheRunGoesOn()
    {
        var owner = CliHarness.WithKey(await Server.CreateKeyAsync(Data.Role.Planner, "owner-planner"));
        var other = CliHarness.WithKey(await Server.CreateKeyAsync(Data.Role.Planner, "other-planner"));
        var scenario = await ScenarioAsync("2021-spring");
        var id = (await SucceedAsync(owner, "run", "--scenario", scenario, "--detach", "--json")).GetProperty("id").GetString()!;

        var cancel = await CliHarness.RunAsync(Server, other, "runs", "cancel", id);
        var delete = await CliHarness.RunAsync(Server, other, "runs", "delete", id);

        Assert.Equal(6, cancel.ExitCode);
        Assert.Equal(6, delete.ExitCode);
        var finished = await SucceedAsync(owner, "runs", "watch", id, "--json");
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        Assert.Equal("owner-planner", finished.GetProperty("startedBy").GetString());

        var list = await CliHarness.RunAsync(Server, owner, "runs", "list", "--scenario", scenario);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("started by", list.Output);
        Assert.Contains("owner-planner", list.Output);

        Assert.Equal(0, (await CliHarness.RunAsync(Server, owner, "runs", "delete", id)).ExitCode);
        Assert.Equal(3, (await CliHarness.RunAsync(Server, owner, "runs", "show", id)).ExitCode);
    }

    [Fact]
    public async Task RunsCancel_OwnLongRun_EndsCancelledAndDeleteBeforeThatIsRejected()
    {
        var scenario = await ScenarioAsync("2030-autumn");
        var admin = CliHarness.WithKey(Server.AdminKey);
        var id = (await SucceedAsync(admin, "run", "--scenario", scenario, "--label", "to-cancel", "--detach", "--json")).GetProperty("id").GetString()!;

        var early = await CliHarness.RunAsync(Server, "runs", "delete", id);
        var cancelled = await SucceedAsync(admin, "runs", "cancel", id, "--json");
        var watched = await CliHarness.RunAsync(Server, "runs", "watch", id, "--json");

        Assert.Equal(4, early.ExitCode);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(5, watched.ExitCode);
        Assert.Equal("cancelled", watched.Json().RootElement.GetProperty("status").GetString());
        Assert.Equal(0, (await CliHarness.RunAsync(Server, "runs", "delete", id)).ExitCode);
    }

    [Fact]
    public async Task RunsWatch_UnknownRun_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "runs", "watch", Guid.NewGuid().ToString());
        Assert.Equal(3, result.ExitCode);
    }

    private async Task<string> ScenarioAsync(string horizon)
    {
        var scenario = await SucceedAsync(CliHarness.WithKey(Server.AdminKey),
            "scenarios", "create", $"方案 {Guid.NewGuid():N}", "--horizon", horizon, "--time-limit", "2", "--json");
        return scenario.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> SucceedAsync(CliSession session, params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, session, args);
        Assert.True(result.ExitCode == 0, $"planning {string.Join(' ', args)}: {result}");
        return result.Json().RootElement.Clone();
    }
}
