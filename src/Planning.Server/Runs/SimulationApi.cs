using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Scenarios;
using Planning.V1;
using RunStatus = Planning.Server.Data.RunStatus;

namespace Planning.Server.Runs;

[Authorize(Policy = Roles.Viewer)]
public sealed class SimulationApi(
    PlanningDb db, ScenarioStore scenarios, RunResults runs, RunQueries queries, RunStarter starter, RunWatch watch, RunControl control)
    : SimulationService.SimulationServiceBase
{
    [Authorize(Policy = Roles.Planner)]
    public override async Task RunSimulation(
        RunSimulationRequest request, IServerStreamWriter<RunSimulationResponse> responseStream, ServerCallContext context)
    {
        var run = await starter.StartAsync(request, context.CancellationToken);
        try
        {
            var end = await watch.FollowAsync(run.Id, 0, responseStream, context.CancellationToken);
            await responseStream.WriteAsync(new RunSimulationResponse { Finished = await FinishedOrThrowAsync(run.Id, end, context.CancellationToken) });
        }
        catch (OperationCanceledException) when (request.CancelOnDisconnect && context.CancellationToken.IsCancellationRequested)
        {
            // A client stops at its own deadline, a moment before the server's copy of it passes.
            var deadline = context.Deadline - DateTime.UtcNow < TimeSpan.FromSeconds(1);
            await control.CancelAsync(run.Id, deadline ? "the caller's deadline passed before the run finished" : "cancelled by the caller");
            throw;
        }
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Run> StartRun(RunSimulationRequest request, ServerCallContext context) =>
        await runs.ToProtoAsync(await starter.StartAsync(request, context.CancellationToken), context.CancellationToken);

    public override async Task WatchRun(WatchRunRequest request, IServerStreamWriter<RunSimulationResponse> responseStream, ServerCallContext context)
    {
        var run = await runs.FindAsync(request.RunId, context.CancellationToken);
        await watch.FollowAsync(run.Id, request.AfterSequence, responseStream, context.CancellationToken);
        var finished = await runs.ToProtoAsync(await runs.FindAsync(request.RunId, context.CancellationToken), context.CancellationToken);
        await responseStream.WriteAsync(new RunSimulationResponse { Finished = finished }, context.CancellationToken);
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Run> CancelRun(CancelRunRequest request, ServerCallContext context) =>
        await runs.ToProtoAsync(await control.CancelAsync(request.Id, context.CancellationToken), context.CancellationToken);

    [Authorize(Policy = Roles.Planner)]
    public override async Task<DeleteRunResponse> DeleteRun(DeleteRunRequest request, ServerCallContext context)
    {
        await control.DeleteAsync(request.Id, context.CancellationToken);
        return new DeleteRunResponse();
    }

    public override async Task<Run> GetRun(GetRunRequest request, ServerCallContext context) =>
        await runs.ToProtoAsync(await runs.FindAsync(request.Id, context.CancellationToken, "id"), context.CancellationToken);

    public override async Task<GetRunAdditionsResponse> GetRunAdditions(GetRunAdditionsRequest request, ServerCallContext context) =>
        new() { Additions = { RunAdditions.Read(await runs.FindAsync(request.RunId, context.CancellationToken)) } };

    public override async Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        problems.ThrowIfAny();
        var query = db.Runs.AsNoTracking();
        if (request.ScenarioId.Length > 0)
        {
            var scenario = await scenarios.FindAsync(request.ScenarioId, tracking: false, ct);
            query = query.Where(r => r.ScenarioId == scenario.Id);
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(r => r.QueuedAt).ThenBy(r => r.Id).Skip(offset).Take(size).ToListAsync(ct);
        var response = new ListRunsResponse { Page = Paging.Response(offset, size, total) };
        response.Runs.AddRange(await runs.ToProtoAsync(page, ct));
        return response;
    }

    public override Task<TermResult> GetTermResult(GetTermResultRequest request, ServerCallContext context) =>
        queries.TermResultAsync(request.RunId, request.Term, context.CancellationToken);

    public override Task<GetCatchmentsResponse> GetCatchments(GetCatchmentsRequest request, ServerCallContext context) =>
        queries.CatchmentsAsync(request.RunId, request.Term, request.Part, context.CancellationToken);

    public override Task<CompareRunsResponse> CompareRuns(CompareRunsRequest request, ServerCallContext context) =>
        queries.CompareAsync(request.RunA, request.RunB, context.CancellationToken);

    /// <summary>RunSimulation's ending: the finished run when it succeeded, else the status code its end has always had.</summary>
    private async Task<Run> FinishedOrThrowAsync(Guid runId, RunEnd end, CancellationToken ct) => end switch
    {
        { Status: RunStatus.Succeeded } => await runs.ToProtoAsync(await runs.FindAsync(runId.ToString(), ct), ct),
        { Status: RunStatus.Cancelled } => throw new CancelledException($"run {runId} was {end.Error}"),
        { Failure: RunFailure.TimeLimit } => throw new LimitExceededException(end.Error),
        { Failure: RunFailure.DatabaseUnavailable } => throw new UnavailableException(end.Error),
        _ => throw new PreconditionFailedException($"run {runId} ended {end.Status.ToString().ToLowerInvariant()}: {end.Error}"),
    };
}
