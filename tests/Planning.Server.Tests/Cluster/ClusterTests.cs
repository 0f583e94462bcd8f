using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Cluster;

/// <summary>
/// Issue 16 on a real three-node cluster (three processes, one database): runs spread over the nodes, a node killed
/// mid-run hands its run to another that finishes it with the results an undisturbed run has, a watcher resumes from
/// any node, and a cancel works from a node that is not computing the run.
/// </summary>
[Collection(ServerProcesses.Name)]
public sealed class ClusterTests(ThreeNodes cluster) : IClassFixture<ThreeNodes>
{
    [Fact]
    public async Task StartRun_ThreeRunsAtOnceOnOneNode_EachNodeComputesOne()
    {
        var calls = cluster.Calls(0);
        var scenario = await calls.ScenarioAsync("2023-autumn", "seven terms");

        var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            calls.Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = $"spread {i}" }).ResponseAsync));
        var ended = await Task.WhenAll(started.Select(r => calls.WaitUntilEndedAsync(r.Id, seconds: 240)));

        Assert.All(started, r => Assert.Equal(RunStatus.Queued, r.Status)); // StartRun answers at once, before any node takes it
        Assert.All(ended, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        // One place per node, each run a few seconds long: the three nodes take one each.
        Assert.Equal([0, 1, 2], ended.Select(cluster.NodeOf).Order());
    }

    [Fact]
    public async Task NodeKilledMidRun_RunFinishesOnAnotherNodeWithTheResultsOfAnUndisturbedRun()
    {
        var scenario = await cluster.Calls(0).ScenarioAsync("2023-autumn", "seven terms, killed");
        var run = await cluster.Calls(0).Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "killed" });
        var computing = await ComputingAsync(cluster.Calls(0), run.Id);
        var killed = cluster.NodeOf(computing);
        var survivor = (killed + 1) % 3;

        cluster.Nodes[killed].Kill();
        try
        {
            // Orleans' membership declares the node dead after missed probes; the line then gives the run to another node.
            var finished = await cluster.Calls(survivor).WaitUntilEndedAsync(run.Id, seconds: 240);

            Assert.True(finished.Status == RunStatus.Succeeded, $"{finished.Status}: {finished.Error}");
            Assert.Equal(2, finished.Attempts);
            Assert.NotEqual(killed, cluster.NodeOf(finished));
            Assert.Equal(7, await cluster.Database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{run.Id}'"));
            var undisturbed = await cluster.Calls(survivor).RunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "undisturbed" });
            Assert.Equal(1, undisturbed.Finished.Attempts);
            foreach (var (table, columns) in ResultTables)
            {
                var rows = await cluster.Database.ScalarAsync($"SELECT count(*) FROM {table} WHERE run_id = '{run.Id}'");
                Assert.True(rows > 0 || table == "run_violations", table); // a plan may well break no limit
                Assert.Equal(await cluster.Database.ScalarAsync($"SELECT count(*) FROM {table} WHERE run_id = '{undisturbed.Finished.Id}'"), rows);
                Assert.Equal(0, await DifferingRowsAsync(table, columns, run.Id, undisturbed.Finished.Id));
            }
        }
        finally
        {
            await cluster.Nodes[killed].RestartAsync(); // the cluster whole again for the other tests
        }
    }

    [Fact]
    public async Task WatchRun_WatcherGoesAwayAndWatchesFromAnotherNode_GetsTheRestAndTheWholeResult()
    {
        var scenario = await cluster.Calls(0).ScenarioAsync("2022-autumn");
        var run = await cluster.Calls(0).Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = scenario });
        var seen = new List<RunProgress>();
        using (var cts = new CancellationTokenSource())
        {
            using var call = cluster.Calls(1).Simulation.WatchRun(new WatchRunRequest { RunId = run.Id }, cancellationToken: cts.Token);
            await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(cts.Token))
                {
                    seen.Add(message.Progress);
                    if (message.Progress.Message.StartsWith("term ", StringComparison.Ordinal))
                    {
                        await cts.CancelAsync();
                    }
                }
            });
        }

        var (rest, finished) = await cluster.Calls(2).WatchAsync(run.Id, after: seen[^1].Sequence);
        var (whole, _) = await cluster.Calls(0).WatchAsync(run.Id);

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal(5, finished.Summaries.Count);
        var events = whole.DistinctBy(p => p.Sequence).ToList();
        Assert.Equal(events.Where(p => p.Sequence > seen[^1].Sequence).Select(p => p.Message), rest.Select(p => p.Message));
        // What the first watcher saw is the journal's start; a waiting run's message carries its place in line when
        // watched live ("queued: next to run") and not once it has left the line, so only the event is compared there.
        var seenEvents = seen.Where(p => p.Sequence > 0).DistinctBy(p => p.Sequence).ToList();
        Assert.Equal(seenEvents.Select(Event), events.Take(seenEvents.Count).Select(Event));
        Assert.Contains(rest, p => p.Message == "term 5 of 5");
    }

    [Fact]
    public async Task CancelRun_SentToANodeNotComputingIt_CancelledWithoutResults()
    {
        var scenario = await cluster.Calls(0).ScenarioAsync("2035-autumn", "long");
        var run = await cluster.Calls(0).Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "to cancel" });
        var computing = await ComputingAsync(cluster.Calls(0), run.Id);
        var other = (cluster.NodeOf(computing) + 1) % 3;

        var cancelled = await cluster.Calls(other).Simulation.CancelRunAsync(new CancelRunRequest { Id = run.Id });

        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("cancelled by", cancelled.Error);
        Assert.Equal(0, await cluster.Database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{run.Id}'"));
        var audit = await new AccessService.AccessServiceClient(cluster.Nodes[other].CreateChannel(cluster.Key))
            .ListAuditEventsAsync(new ListAuditEventsRequest { ActionPrefix = "run.cancel" });
        Assert.Contains(audit.Events, e => e.Target == $"run {run.Id}");
    }

    private static readonly (string Table, string Columns)[] ResultTables =
    [
        ("run_terms", "term_index, term, students, schools_over_size, grades_over_class_limit, seats_short, students_moved, mean_distance_m, max_distance_m, optimality_gap"),
        ("run_schools", "term, school_code, open, students, size_limit, primary_tracks, junior_tracks, enrolment, classes, largest_class"),
        ("run_placements", "term, area_code, grade, school_code, students"),
        ("run_assignments", "term, area_code, part, school_code, share, distance_m"),
        ("run_violations", "term, kind, school_code, grade, students, \"limit\", excess, area_codes"),
    ];

    /// <summary>Rows of one run that the other lacks, both ways (as multisets).</summary>
    private Task<long> DifferingRowsAsync(string table, string columns, string a, string b) => cluster.Database.ScalarAsync($"""
        SELECT count(*) FROM (
            (SELECT {columns} FROM {table} WHERE run_id = '{a}' EXCEPT ALL SELECT {columns} FROM {table} WHERE run_id = '{b}')
            UNION ALL
            (SELECT {columns} FROM {table} WHERE run_id = '{b}' EXCEPT ALL SELECT {columns} FROM {table} WHERE run_id = '{a}')) d
        """);

    /// <summary>Watches the run until a node has solved a term of it, and returns the run as it is then.</summary>
    private static async Task<Run> ComputingAsync(Simulation.RunCalls calls, string runId)
    {
        using var call = calls.Simulation.WatchRun(new WatchRunRequest { RunId = runId });
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(message.Finished); // it must still be computing
            if (message.Progress.Message.StartsWith("term ", StringComparison.Ordinal))
            {
                return await calls.Simulation.GetRunAsync(new GetRunRequest { Id = runId });
            }
        }
        throw new Xunit.Sdk.XunitException("the watch ended before a term was solved");
    }

    private static string Event(RunProgress p) => p.Message.StartsWith("queued", StringComparison.Ordinal) ? $"{p.Sequence} queued" : $"{p.Sequence} {p.Message}";
}
