using Grpc.Core;
using Npgsql;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Faults;

/// <summary>
/// PostgreSQL stopped in the middle of a run, on a cluster of this class's own. To hit the middle
/// every time, a second connection holds a lock on run_catchments, the last table the run's result
/// transaction writes: the other result rows are in (uncommitted) when the cluster is stopped.
/// </summary>
[Collection(ServerProcesses.Name)]
public sealed class DatabaseRestartDuringRunTests(PrivateCluster cluster) : IClassFixture<PrivateCluster>
{
    [Fact]
    public async Task RunSimulation_DatabaseDownWhileResultsAreWritten_FailedWithReasonNoResultsAndServesAgain()
    {
        await using var server = await PlanningServer.StartAsync(cluster);
        var channel = server.CreateChannel();
        var calls = new Simulation.RunCalls(channel);

        var (run, runId, blocker) = await RunBlockedOnWriteAsync(server);
        await using (blocker)
        {
            // The writer's session is ended while the lock still holds its write back (the 57P01 a shutdown gives). A
            // shutdown alone may end the blocker's session first: the lock then goes, and once, on a loaded machine, the
            // write committed before the writer's own session was ended.
            await using (var end = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE relation = 'run_catchments'::regclass AND NOT granted AND pg_terminate_backend(pid, 10000)", blocker))
            {
                Assert.Equal(1L, (long)(await end.ExecuteScalarAsync())!);
            }
            await cluster.StopAsync(); // before the writer's next attempt, 2 s later (RunComputation)
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => run);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        // The run's own end, so its writer has given up (RunComputation: 4 attempts, 2 + 4 + 6 s apart).
        Assert.Contains("no results were kept", e.Status.Detail);
        await cluster.StartAsync();
        var ended = await calls.WaitUntilEndedAsync(runId, seconds: 30);
        Assert.True(ended.Status == RunStatus.Failed, $"the run ended {ended.Status} ({ended.Error}); server log:\n{server.Log}");
        Assert.Contains("database became unavailable", ended.Error);
        Assert.Contains("no results were kept", ended.Error);
        Assert.DoesNotContain("likely due to a transient failure", ended.Error); // the driver's reason, not EF's wrapper
        Assert.NotNull(ended.FinishedAt);
        Assert.Empty(ended.Summaries);
        foreach (var table in new[] { "run_terms", "run_schools", "run_placements", "run_assignments", "run_catchments" })
        {
            Assert.Equal(0L, await ScalarAsync(server, $"SELECT count(*) FROM {table} WHERE run_id = '{runId}'"));
        }
        // Serves again without a restart: reads and a new run.
        Assert.Equal(2, (await new SchoolService.SchoolServiceClient(channel).ListSchoolsAsync(new ListSchoolsRequest())).Schools.Count);
        Assert.Equal(RunStatus.Succeeded, (await calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent })).Finished.Status);
    }

    [Fact]
    public async Task RunSimulation_DatabaseRestartedWhileResultsAreWritten_WriteRetriedAndRunWhole()
    {
        await using var server = await PlanningServer.StartAsync(cluster);
        var calls = new Simulation.RunCalls(server.CreateChannel());

        var (run, runId, blocker) = await RunBlockedOnWriteAsync(server);
        await using (blocker)
        {
            await cluster.StopAsync();
        }
        await cluster.StartAsync(); // back before the server's next attempt

        Run finished;
        try
        {
            finished = await run;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            // The call's watch may read the database while it is down (on a loaded machine the restart takes that
            // long); the run itself goes on, which is what this test is about.
            finished = await calls.WaitUntilEndedAsync(runId, seconds: 60);
        }
        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal(runId, finished.Id);
        Assert.Equal(finished.Terms.Count, (int)await ScalarAsync(server, $"SELECT count(*) FROM run_terms WHERE run_id = '{runId}'"));
        Assert.True(await ScalarAsync(server, $"SELECT count(*) FROM run_placements WHERE run_id = '{runId}'") > 0);
    }

    /// <summary>
    /// Imports the tiny dataset and starts a run whose result write waits on a lock; returns once
    /// PostgreSQL shows it waiting, with the lock's holder.
    /// </summary>
    private static async Task<(Task<Run> Run, string RunId, NpgsqlConnection Blocker)> RunBlockedOnWriteAsync(PlanningServer server)
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(server.CreateChannel()));
        var calls = new Simulation.RunCalls(server.CreateChannel());
        var blocker = new NpgsqlConnection(Unpooled(server));
        await blocker.OpenAsync();
        await using (var lockTable = new NpgsqlCommand("BEGIN; LOCK TABLE run_catchments IN ACCESS EXCLUSIVE MODE", blocker))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunFinishedAsync(calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent },
            onProgress: p => started.TrySetResult(p.RunId)));
        var runId = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; ; i++)
        {
            // pg_locks, not pg_stat_activity: the latter is read once per transaction, and the blocker's stays open.
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE relation = 'run_catchments'::regclass AND NOT granted", blocker);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                break;
            }
            Assert.True(!run.IsCompleted, $"the run ended before its result write waited on the lock: {run.Exception?.InnerException?.Message ?? run.Status.ToString()}");
            if (i >= 900)
            {
                Assert.Fail($"the run's result write did not wait on the lock within 90 s; {await StateAsync(server, runId)}\nserver log:\n{server.Log}");
            }
            await Task.Delay(100);
        }
        return (run, runId, blocker);
    }

    /// <summary>What a failure message needs to tell where a run stands: its row and the database's sessions.</summary>
    private static async Task<string> StateAsync(PlanningServer server, string runId)
    {
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT 'run: ' || status || ' node ' || node || ' attempt ' || attempt || ' error ' || error FROM runs WHERE id = '{runId}'
            UNION ALL
            SELECT 'session: ' || coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || '/' || coalesce(wait_event, '')
                   || ' ' || left(query, 120)
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join("; ", lines);
    }

    private static async Task<Run> RunFinishedAsync(Task<(List<RunProgress> Progress, Run Finished)> run) => (await run).Finished;

    private static string Unpooled(PlanningServer server) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString;

    private static async Task<long> ScalarAsync(PlanningServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
