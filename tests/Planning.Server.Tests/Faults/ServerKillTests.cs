using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Faults;

/// <summary>
/// The server process killed (SIGKILL) in the middle of a run, on the Baodi data: a one-node cluster. Runs are durable
/// jobs (issue 16): once the node is back, the run it was computing and the one waiting are computed and succeed,
/// with one set of results each; before that the row still says what it was doing, and no partial results exist.
/// </summary>
[Collection(ServerProcesses.Name)]
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
    public async Task RunSimulation_ServerKilledMidRun_RunningAndQueuedRunsFinishAfterRestartWithOneSetOfResults()
    {
        var key = await _server.CreateKeyAsync(Data.Role.Admin);
        string runId;
        string queuedId;
        using (var channel = _server.CreateChannel(key))
        {
            await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
            var scenario = await new ScenarioService.ScenarioServiceClient(channel).CreateScenarioAsync(new CreateScenarioRequest
            {
                Name = "eleven terms", Settings = new ScenarioSettings { HorizonTerm = "2025-autumn", Policy = Policy.Reassign },
            });
            using var call = new SimulationService.SimulationServiceClient(channel)
                .RunSimulation(new RunSimulationRequest { ScenarioId = scenario.Id });
            runId = await FirstTermComputedAsync(call.ResponseStream);
            using var waiting = new SimulationService.SimulationServiceClient(channel)
                .RunSimulation(new RunSimulationRequest { ScenarioId = scenario.Id, Label = "in line" });
            Assert.True(await waiting.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(1, waiting.ResponseStream.Current.Progress.QueuePosition);
            queuedId = waiting.ResponseStream.Current.Progress.RunId;
            _server.Kill(); // mid-run, with the streams still open
        }

        Assert.True(await _database.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{runId}' AND status = 'Running'") == 1,
            "the killed run's row must still say Running before the restart");
        Assert.Equal(1, await _database.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{queuedId}' AND status = 'Queued'"));
        await AssertNoResultRowsAsync(runId);

        await _server.RestartAsync();
        using var restarted = _server.CreateChannel(key);
        var calls = new Simulation.RunCalls(restarted);
        // The restarted node takes the killed one's place in the cluster at once (same silo address, newer
        // generation), so the line gives the run back at once; it is computed again from the start.
        var run = await calls.WaitUntilEndedAsync(runId, seconds: 240);

        Assert.True(run.Status == RunStatus.Succeeded, $"after the restart the run is {run.Status}: {run.Error}\n{_server.Output}");
        Assert.Equal(2, run.Attempts);
        Assert.Equal(11, run.Summaries.Count);
        Assert.Equal(11, await _database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{runId}'"));
        var (journal, _) = await calls.WatchAsync(runId);
        Assert.Contains(journal, p => p.Message.Contains("stopped while computing it", StringComparison.Ordinal));
        Assert.Contains(journal, p => p.Message == "starting again (attempt 2)");
        var queued = await calls.WaitUntilEndedAsync(queuedId, seconds: 240);
        Assert.Equal(RunStatus.Succeeded, queued.Status);
        Assert.Equal(1, queued.Attempts);
        Assert.True(queued.StartedAt.ToDateTimeOffset() >= run.FinishedAt.ToDateTimeOffset(), "the run given back goes first");
        var (_, after) = await calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "after restart" });
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
