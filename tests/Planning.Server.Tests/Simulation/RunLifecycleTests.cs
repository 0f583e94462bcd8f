using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>The line between keys (issue 15: one planner must not hold it) and cancel and delete by their owners (issue 14).</summary>
public sealed class RunLifecycleTests(RunLifecycleTests.OneAtATimeTwoEach fixture) : IClassFixture<RunLifecycleTests.OneAtATimeTwoEach>
{
    /// <summary>The Baodi data on a server that computes one run at a time and lets each key have two waiting.</summary>
    public sealed class OneAtATimeTwoEach()
        : BaodiServer(new() { ["Limits:MaxConcurrentRuns"] = "1", ["Limits:MaxQueuedRunsPerKey"] = "2" });

    [Fact]
    public async Task StartRun_OneKeyWithRunsWaitingAndAnotherArrivingLater_TheOtherGoesFirstAndTheFirstKeysShareIsCapped()
    {
        var (a, _) = await PlannerAsync("planner a");
        var (b, _) = await PlannerAsync("planner b");
        var busy = await a.Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = await a.ScenarioAsync("2035-autumn", "long"), Label = "busy" });
        await UntilAsync(a, busy.Id, RunStatus.Running);
        var a1 = await a.Simulation.StartRunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "a1" });
        var a2 = await a.Simulation.StartRunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "a2" });
        var runsBefore = await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs");

        var full = await RpcAssert.FailsAsync(() => a.Simulation.StartRunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent }).ResponseAsync,
            StatusCode.ResourceExhausted);
        var b1 = await b.Simulation.StartRunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "b1" });

        Assert.Contains("Limits:MaxQueuedRunsPerKey = 2", full.Status.Detail);
        Assert.Equal(runsBefore + 1, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs")); // b1 only
        // Key a computes one run and has two waiting; b, arriving last, has its first turn before a's second and third.
        var places = await Task.WhenAll(new[] { b1, a1, a2 }.Select(r => PlaceAsync(a, r.Id)));
        Assert.Equal([1, 2, 3], places);
        await a.Simulation.CancelRunAsync(new CancelRunRequest { Id = busy.Id });
        var ended = await Task.WhenAll(new[] { b1, a1, a2 }.Select(r => a.WaitUntilEndedAsync(r.Id)));
        Assert.All(ended, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.True(ended[0].StartedAt.ToDateTimeOffset() < ended[1].StartedAt.ToDateTimeOffset());
        Assert.True(ended[1].StartedAt.ToDateTimeOffset() < ended[2].StartedAt.ToDateTimeOffset());
        Assert.Equal("planner b", ended[0].StartedBy);
    }

    [Fact]
    public async Task CancelRunAndDeleteRun_AnotherPlannersRun_PermissionDeniedUntilAnAdminOrTheOwnerDoes()
    {
        var (owner, _) = await PlannerAsync("owner");
        var (other, _) = await PlannerAsync("other");
        var admin = new RunCalls(fixture.Server.CreateChannel());
        var computing = await owner.Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = await owner.ScenarioAsync("2035-autumn", "long") });
        await UntilAsync(owner, computing.Id, RunStatus.Running);

        var cancel = await RpcAssert.FailsAsync(() => other.Simulation.CancelRunAsync(new CancelRunRequest { Id = computing.Id }).ResponseAsync,
            StatusCode.PermissionDenied);
        var deleteComputing = await RpcAssert.FailsAsync(() => owner.Simulation.DeleteRunAsync(new DeleteRunRequest { Id = computing.Id }).ResponseAsync,
            StatusCode.FailedPrecondition);
        var cancelled = await admin.Simulation.CancelRunAsync(new CancelRunRequest { Id = computing.Id });
        var (_, done) = await owner.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "mine" });
        var delete = await RpcAssert.FailsAsync(() => other.Simulation.DeleteRunAsync(new DeleteRunRequest { Id = done.Id }).ResponseAsync,
            StatusCode.PermissionDenied);
        await owner.Simulation.DeleteRunAsync(new DeleteRunRequest { Id = done.Id });
        await admin.Simulation.DeleteRunAsync(new DeleteRunRequest { Id = cancelled.Id });

        Assert.Contains("started by the key \"owner\"", cancel.Status.Detail);
        Assert.Contains("cancel it first", deleteComputing.Status.Detail);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("owner", done.StartedBy);
        Assert.Contains("planners delete only the runs their own key started", delete.Status.Detail);
        foreach (var id in new[] { done.Id, cancelled.Id })
        {
            await RpcAssert.FailsAsync(() => owner.Simulation.GetRunAsync(new GetRunRequest { Id = id }).ResponseAsync, StatusCode.NotFound);
            Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM run_placements WHERE run_id = '{id}'"));
        }
        var audit = await new AccessService.AccessServiceClient(fixture.Server.CreateChannel())
            .ListAuditEventsAsync(new ListAuditEventsRequest { ActionPrefix = "run." });
        Assert.Contains(audit.Events, e => e.Action == "run.delete" && e.Target == $"run {done.Id}" && e.Actor == "owner");
        Assert.Contains(audit.Events, e => e.Action == "run.cancel" && e.Target == $"run {computing.Id}");
        Assert.DoesNotContain(audit.Events, e => e.Action == "run.delete" && e.Actor == "other");
    }

    /// <summary>
    /// Issue 17: a run names the engine build that computed its results; a run that has none (computing,
    /// cancelled) names none.
    /// </summary>
    [Fact]
    public async Task GetRun_SucceededAndCancelledRuns_OnlyTheSucceededNamesTheEngineBuildThatComputedIt()
    {
        var (planner, _) = await PlannerAsync("build reader");
        var computing = await planner.Simulation.StartRunAsync(new RunSimulationRequest { ScenarioId = await planner.ScenarioAsync("2035-autumn", "long") });
        await UntilAsync(planner, computing.Id, RunStatus.Running);
        var whileComputing = await planner.Simulation.GetRunAsync(new GetRunRequest { Id = computing.Id });
        await planner.Simulation.CancelRunAsync(new CancelRunRequest { Id = computing.Id });
        var cancelled = await planner.WaitUntilEndedAsync(computing.Id);
        var (_, done) = await planner.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "build" });

        Assert.Equal(RunStatus.Running, whileComputing.Status);
        Assert.Equal("", whileComputing.Solver);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("", cancelled.Solver);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(Engine.Simulation.SolverBuild.Name, done.Solver);
        Assert.Matches(@"^Planning\.Engine [0-9]+\.[0-9]+\.[0-9]+\S*\+\S+$", done.Solver);
        Assert.Equal(done.Solver, await fixture.Server.Database.TextAsync($"SELECT solver FROM runs WHERE id = '{done.Id}'"));
    }

    private async Task<(RunCalls Calls, string Key)> PlannerAsync(string name)
    {
        var key = await fixture.Server.CreateKeyAsync(Data.Role.Planner, name);
        return (new RunCalls(fixture.Server.CreateChannel(key)), key);
    }

    /// <summary>The run's place in line, from the first message of a watch.</summary>
    private static async Task<int> PlaceAsync(RunCalls calls, string runId)
    {
        using var call = calls.Simulation.WatchRun(new WatchRunRequest { RunId = runId });
        Assert.True(await call.ResponseStream.MoveNext());
        return call.ResponseStream.Current.Progress.QueuePosition;
    }

    private static async Task UntilAsync(RunCalls calls, string runId, RunStatus status)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await calls.Simulation.GetRunAsync(new GetRunRequest { Id = runId })).Status == status)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"run {runId} never became {status}");
    }
}
