using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Faults;

/// <summary>
/// The server process killed (SIGKILL) in the middle of a run, on the Baodi data: the run must not
/// stay "running" forever, nor leave partial results, and the restarted server must work.
/// </summary>
public sealed class ServerKillTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // One run computes at a time, so a second one waits in line when the server is killed.
        _server = await ServerProcess.StartAsync(_database.ConnectionString,
            new Dictionary<string, string> { ["Limits__MaxConcurrentRuns"] = "1" });
    }

    public async Task DisposeAsync()
    {
        _server?.Dispose(); // null when it did not start
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RunSimulation_ServerKilledMidRun_RunningAndQueuedRunsInterruptedAfterRestartWithoutResults()
    {
        var key = await _server.CreateKeyAsync(Data.Role.Admin);
        string runId;
        string queuedId;
        using (var channel = _server.CreateChannel(key))
        {
            await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
            var scenario = await new ScenarioService.ScenarioServiceClient(channel).CreateScenarioAsync(new CreateScenarioRequest
            {
                Name = "long", Settings = new ScenarioSettings { HorizonTerm = "2035-autumn", Policy = Policy.Reassign },
            });
            using var call = new SimulationService.SimulationServiceClient(channel)
                .RunSimulation(new RunSimulationRequest { ScenarioId = scenario.Id });
            runId = await FirstTermComputedAsync(call.ResponseStream);
            using var waiting = new SimulationService.SimulationServiceClient(channel)
                .RunSimulation(new RunSimulationRequest { ScenarioId = scenario.Id, Label = "in line" });
            Assert.True(await waiting.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(1, waiting.ResponseStream.Current.Progress.QueuePosition);
            queuedId = waiting.ResponseStream.Current.Progress.RunId;
            _server.Kill(); // while the streams are open: closing them first would cancel the runs
        }

        Assert.True(await _database.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{runId}' AND status = 'Running'") == 1,
            "the killed run's row must still say Running before the restart");
        Assert.Equal(1, await _database.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{queuedId}' AND status = 'Queued'"));
        await AssertNoResultRowsAsync(runId);

        await _server.RestartAsync();
        using var restarted = _server.CreateChannel(key);
        var simulation = new SimulationService.SimulationServiceClient(restarted);
        var run = await simulation.GetRunAsync(new GetRunRequest { Id = runId });

        Assert.True(run.Status == RunStatus.Interrupted, $"after the restart the run is {run.Status}: {run.Error}\n{_server.Output}");
        Assert.Matches("(?i)server.*stop", run.Error);
        Assert.NotNull(run.FinishedAt);
        Assert.Empty(run.Summaries);
        await AssertNoResultRowsAsync(runId);
        var queued = await simulation.GetRunAsync(new GetRunRequest { Id = queuedId });
        Assert.Equal(RunStatus.Interrupted, queued.Status);
        Assert.Contains("waiting", queued.Error);
        var (_, after) = await new Simulation.RunCalls(restarted).RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "after restart" });
        Assert.Equal(RunStatus.Succeeded, after.Status);
        Assert.NotEmpty(after.Summaries);
        // Over a real socket the audit trail says where each change came from.
        var starts = await new AccessService.AccessServiceClient(restarted).ListAuditEventsAsync(new ListAuditEventsRequest { ActionPrefix = "run.start" });
        Assert.Equal([after.Id, queuedId, runId], starts.Events.Select(e => e.Target["run ".Length..]));
        Assert.All(starts.Events, e => Assert.Matches(@"^127\.0\.0\.1:\d+$", e.Peer));
    }

    /// <summary>Reads the run's stream until the solver reports a term, and returns the run's id.</summary>
    private static async Task<string> FirstTermComputedAsync(IAsyncStreamReader<RunSimulationResponse> stream)
    {
        await foreach (var message in stream.ReadAllAsync())
        {
            // The first message ("starting") comes before the solver; the next ones come from it.
            if (message.Progress is { Term.Length: > 0 } p && p.Message.StartsWith("term ", StringComparison.Ordinal))
            {
                return p.RunId;
            }
            Assert.Null(message.Finished); // the run must still be going when the server is killed
        }
        throw new Xunit.Sdk.XunitException("the run's stream ended before any term was computed");
    }

    private async Task AssertNoResultRowsAsync(string runId)
    {
        Assert.Equal(0, await _database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{runId}'"));
        Assert.Equal(0, await _database.ScalarAsync($"SELECT count(*) FROM run_placements WHERE run_id = '{runId}'"));
    }
}
