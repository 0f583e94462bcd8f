using System.Text.Json;

namespace Planning.Server.Tests.Cli;

/// <summary>The imported server plus two short runs of one scenario (two terms): the "before" and the redistribution.</summary>
public sealed class RunFixture : IAsyncLifetime
{
    private readonly ImportedServerFixture _imported = new();

    public Infrastructure.PlanningServer Server => _imported.Server;

    public CliDataset Dataset => _imported.Dataset;

    public string ScenarioId { get; private set; } = "";

    /// <summary>What `planning run` printed for the redistribution run (JSON).</summary>
    public CliResult Redistribution { get; private set; } = null!;

    public string RedistributedRun { get; private set; } = "";

    public string BeforeRun { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _imported.InitializeAsync();
        var scenario = await Succeed("scenarios", "create", "两学期方案", "--horizon", "2021-spring", "--time-limit", "2", "--json");
        ScenarioId = scenario.Json().RootElement.GetProperty("id").GetString()!;
        var before = await Succeed("run", "--scenario", ScenarioId, "--mode", "keep-current", "--label", "before", "--json");
        BeforeRun = before.Json().RootElement.GetProperty("id").GetString()!;
        Redistribution = await Succeed("run", "--scenario", ScenarioId, "--label", "after", "--json");
        RedistributedRun = Redistribution.Json().RootElement.GetProperty("id").GetString()!;
    }

    private async Task<CliResult> Succeed(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, args);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"planning {string.Join(' ', args)}: {result}");
    }

    public Task DisposeAsync() => _imported.DisposeAsync();
}
