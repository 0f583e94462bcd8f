using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>Several simulations at once on a server that computes one at a time; a full line.</summary>
public sealed class RunLineTests(RunLineTests.OneAtATime fixture) : IClassFixture<RunLineTests.OneAtATime>
{
    /// <summary>The Baodi data on a server that computes one run at a time and lets two wait.</summary>
    public sealed class OneAtATime() : BaodiServer(new() { ["Limits:MaxConcurrentRuns"] = "1", ["Limits:MaxQueuedRuns"] = "2" });

    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    /// <summary>Starts a run and returns once it computes (its first progress naming a term), with the call still open.</summary>
    private async Task<(AsyncServerStreamingCall<RunSimulationResponse> Call, string RunId)> StartComputingAsync(
        string scenario, CancellationToken ct)
    {
        var call = _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario, CancelOnDisconnect = true }, cancellationToken: ct);
        while (await call.ResponseStream.MoveNext(ct))
        {
            if (call.ResponseStream.Current.Progress is { Term.Length: > 0 } p)
            {
                return (call, p.RunId);
            }
        }
        throw new Xunit.Sdk.XunitException("the run ended before it computed");
    }

    [Fact]
    public async Task RunSimulation_ThreeAtOnce_OneComputesAtATimeAndAllSucceed()
    {
        var scenario = await _calls.ScenarioAsync("2021-autumn");
        // The first computes seven terms: long enough to be still computing when the third joins the line.
        var (first, firstId) = await StartComputingAsync(await _calls.ScenarioAsync("2023-autumn", "longer"), CancellationToken.None);
        var waiting = new[] { _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "second" }) };
        await InLineAsync(scenario, 1); // the second joins the line before the third
        waiting = [.. waiting, _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "third" })];
        await foreach (var _ in first.ResponseStream.ReadAllAsync())
        {
        }
        first.Dispose();
        var results = await Task.WhenAll(waiting);

        var runs = new List<Run> { await _calls.Simulation.GetRunAsync(new GetRunRequest { Id = firstId }) };
        runs.AddRange(results.Select(r => r.Finished));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(7, runs[0].Terms.Count);
        Assert.Equal("2023-autumn", runs[0].Terms.Last());
        Assert.All(runs.Skip(1), r => Assert.Equal(["2020-autumn", "2021-spring", "2021-autumn"], r.Terms));
        // One at a time: each computed only after the one before had finished.
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAt.ToDateTimeOffset() >= runs[i - 1].FinishedAt.ToDateTimeOffset(),
                $"run {i} started at {runs[i].StartedAt} before run {i - 1} finished at {runs[i - 1].FinishedAt}");
            Assert.True(runs[i].QueuedAt.ToDateTimeOffset() < runs[i].StartedAt.ToDateTimeOffset());
        }
        Assert.Equal([1], results[0].Progress.Where(p => p.QueuePosition > 0).Select(p => p.QueuePosition));
        Assert.Equal([2, 1], results[1].Progress.Where(p => p.QueuePosition > 0).Select(p => p.QueuePosition));
        Assert.Contains(results[1].Progress, p => p.Message == "queued: 1 run(s) ahead");
        Assert.All(results, r => Assert.Equal(0, r.Progress.Last().QueuePosition));
    }

    [Fact]
    public async Task RunSimulation_LineFull_ResourceExhaustedAndNothingStored_ScenarioKept_CancelledInLineEndsCancelled()
    {
        var scenario = await _calls.ScenarioAsync("2035-autumn", "long");
        using var cancel = new CancellationTokenSource();
        var (computing, computingId) = await StartComputingAsync(scenario, cancel.Token);
        var inLine = new List<(AsyncServerStreamingCall<RunSimulationResponse> Call, string RunId)>();
        for (var i = 0; i < 2; i++)
        {
            var call = _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario, CancelOnDisconnect = true },
                cancellationToken: cancel.Token);
            Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
            Assert.Equal(i + 1, call.ResponseStream.Current.Progress.QueuePosition);
            inLine.Add((call, call.ResponseStream.Current.Progress.RunId));
        }
        var runsBefore = await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs");

        var e = await RpcAssert.FailsAsync(() => _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario }), StatusCode.ResourceExhausted);

        Assert.Contains("Limits:MaxQueuedRuns", e.Status.Detail);
        Assert.Equal(runsBefore, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs"));
        Assert.Equal(RunStatus.Queued, (await _calls.Simulation.GetRunAsync(new GetRunRequest { Id = inLine[1].RunId })).Status);
        var delete = await RpcAssert.FailsAsync(() => _calls.Scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = scenario }).ResponseAsync,
            StatusCode.FailedPrecondition);
        // Three, or two when the computing run (about 10 s idle) ended meanwhile on a loaded machine: the two in line cannot.
        Assert.Matches("has [23] run\\(s\\) going or waiting", delete.Status.Detail);
        // Nor does a replacing import, which would delete every scenario and run.
        var import = await RpcAssert.FailsAsync(() => new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel())),
            StatusCode.FailedPrecondition);
        Assert.Matches("^[23] run\\(s\\) are going or waiting", import.Status.Detail);
        Assert.Equal(103, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM schools"));
        await cancel.CancelAsync();
        foreach (var id in inLine.Select(l => l.RunId))
        {
            var ended = await _calls.WaitUntilEndedAsync(id);
            Assert.Equal(RunStatus.Cancelled, ended.Status);
            Assert.Equal("cancelled by the caller", ended.Error);
        }
        var first = await _calls.WaitUntilEndedAsync(computingId);
        Assert.True(first.Status == RunStatus.Cancelled ? first.Error == "cancelled by the caller" : first.Status == RunStatus.Succeeded,
            $"the computing run ended {first.Status}: {first.Error}");
        // The last in line never computed: one at a time, and the first in line takes as long as the first.
        Assert.Null((await _calls.Simulation.GetRunAsync(new GetRunRequest { Id = inLine[1].RunId })).StartedAt);
        computing.Dispose();
        inLine.ForEach(l => l.Call.Dispose());
        // The places are given back as the solvers stop: the next run is next in line at worst.
        var (progress, next) = await _calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent });
        Assert.Equal(RunStatus.Succeeded, next.Status);
        Assert.All(progress.Where(p => p.QueuePosition > 0), p => Assert.Equal(1, p.QueuePosition));
    }

    /// <summary>Waits until <paramref name="count"/> runs of the scenario wait in line.</summary>
    private async Task InLineAsync(string scenario, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            var runs = await _calls.Simulation.ListRunsAsync(new ListRunsRequest { ScenarioId = scenario });
            if (runs.Runs.Count(r => r.Status == RunStatus.Queued) >= count)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{count} run(s) never waited in line");
    }
}

/// <summary>The server's own limits on a run: its size and how long it may compute.</summary>
public sealed class RunSizeAndTimeLimitTests(RunSizeAndTimeLimitTests.Limited fixture) : IClassFixture<RunSizeAndTimeLimitTests.Limited>
{
    /// <summary>The Baodi data (924 areas, 103 schools) on a server allowing 2,000,000 area-school-terms and 1 s of computing.</summary>
    public sealed class Limited() : BaodiServer(new() { ["Limits:MaxRunSize"] = "2000000", ["Limits:MaxRunSeconds"] = "1" });

    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    [Theory]
    [InlineData("Limits:MaxConcurrentRuns", "0", "with 0 no run would ever compute")]
    [InlineData("Limits:MaxRunSeconds", "99999999", "from 1 to 604800")]
    [InlineData("Limits:MipNodes", "-1", "from 0 (no MIP step) to 1000000")]
    public async Task Server_LimitThatCannotWork_RefusesToStartNamingIt(string limit, string value, string message)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PlanningServer.StartAsync(new Dictionary<string, string> { [limit] = value }));

        Assert.Contains(message, (e as InvalidOperationException ?? e.InnerException ?? e).Message);
    }

    [Fact]
    public async Task RunSimulation_OverMaxRunSize_ResourceExhaustedNamingTheSizeAndNothingStored()
    {
        var scenario = await _calls.ScenarioAsync("2035-autumn", "31 terms"); // 924 × 103 × 31 = 2,950,332

        var e = await RpcAssert.FailsAsync(() => _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario }), StatusCode.ResourceExhausted);

        Assert.Contains("924 areas × 103 schools × 31 terms = 2,950,332", e.Status.Detail);
        Assert.Contains("Limits:MaxRunSize", e.Status.Detail);
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM runs WHERE scenario_id = '{scenario}'"));
    }

    [Fact]
    public async Task RunSimulation_ComputesLongerThanMaxRunSeconds_StoppedFailedWithoutResults()
    {
        // 924 × 103 × 11 = 1,046,892 is under the size limit. Thirty candidate schools per area and contiguous
        // catchments make each term heavy, so that the run takes several seconds however fast the solver gets
        // (with the defaults it came to about one second once the flow and the local search were sped up).
        var scenario = (await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "11 heavy terms",
            Settings = new ScenarioSettings
            {
                StartTerm = "2020-autumn", HorizonTerm = "2025-autumn", Policy = Policy.Reassign, TimeLimitSeconds = 5,
                CandidateSchools = 30, ContiguousCatchments = true,
            },
        })).Id;

        var computed = new System.Collections.Concurrent.ConcurrentBag<string>();

        var e = await RpcAssert.FailsAsync(() => _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario },
            onProgress: p => { if (p.Message.StartsWith("term ", StringComparison.Ordinal)) { computed.Add(p.Term); } }), StatusCode.ResourceExhausted);

        Assert.Contains("Limits:MaxRunSeconds", e.Status.Detail);
        var run = Assert.Single((await _calls.Simulation.ListRunsAsync(new ListRunsRequest { ScenarioId = scenario })).Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("stopped after 1 s", run.Error);
        // Stopped in the middle, not at the end: a solver deaf to the limit would report every term (in work, not in
        // seconds, so that a loaded machine cannot fail it: it only computes fewer terms in its second).
        Assert.InRange(computed.Distinct().Count(), 0, 10); // of the 11 terms 2020-autumn … 2025-autumn
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM run_placements WHERE run_id = '{run.Id}'"));
    }
}

/// <summary>A server with these settings and the Baodi data (xunit class fixture).</summary>
public abstract class BaodiServer(Dictionary<string, string> settings) : IAsyncLifetime
{
    public PlanningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlanningServer.StartAsync(settings);
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(Server.CreateChannel()), TinyDataset.BaodiLayers());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
