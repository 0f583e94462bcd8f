using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Access;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Simulation;
using Planning.Server.Data;
using Planning.Server.Errors;
using Planning.Server.Simulation;
using Planning.V1;

namespace Planning.Server.Services;

[Authorize(Policy = Roles.Viewer)]
public sealed partial class SimulationApi(
    PlanningDb db, ScenarioStore scenarios, RunResults runs, RunQueries queries, ILogger<SimulationApi> logger)
    : SimulationService.SimulationServiceBase
{
    [Authorize(Policy = Roles.Planner)]
    public override async Task RunSimulation(
        RunSimulationRequest request, IServerStreamWriter<RunSimulationResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (request.Label.Length > 100)
        {
            throw new ValidationFailedException([new FieldProblem("label", "must be at most 100 characters")]);
        }
        Guid? scenarioId = null;
        ScenarioSettings? settings = null;
        IEnumerable<ScenarioChange> changes = [];
        if (request.ScenarioId.Length > 0)
        {
            var scenario = ScenarioStore.ToProto(await scenarios.FindAsync(request.ScenarioId, tracking: false, ct));
            (scenarioId, settings, changes) = (Guid.Parse(scenario.Id), scenario.Settings, scenario.Changes);
        }
        var input = await scenarios.InputAsync(settings, changes, ct);
        if (input.Validate() is { Count: > 0 } problems)
        {
            throw new Planning.Engine.Inputs.InvalidInputException(problems);
        }
        var keep = request.Mode == V1.RunMode.KeepCurrent;
        var run = await runs.StartAsync(scenarioId, keep ? Data.RunMode.KeepCurrent : Data.RunMode.Redistribute, request.Label, input, ct);
        LogRunStarted(logger, run.Id, request.ScenarioId);

        // Stops the solver whenever this call ends early, whatever the reason.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<Planning.Engine.Results.SimulationResult>? simulation = null;
        try
        {
            await responseStream.WriteAsync(Progress(run.Id, input.Parameters.Start.ToString(), 0, "starting"), ct);
            var channel = Channel.CreateUnbounded<SimulationProgress>();
            simulation = Task.Run(() =>
            {
                try
                {
                    return Simulator.Run(input, keep ? SimulationMode.KeepCurrent : SimulationMode.Redistribute,
                        new ChannelProgress(channel.Writer), stop.Token);
                }
                finally
                {
                    channel.Writer.Complete();
                }
            }, stop.Token);
            await foreach (var p in channel.Reader.ReadAllAsync(ct))
            {
                await responseStream.WriteAsync(Progress(run.Id, p.Term.ToString(), p.Percent,
                    $"term {p.TermIndex + 1} of {p.TermCount}"), ct);
            }
            var result = await simulation;
            // Past this point the results are complete: a late cancel must not leave them half-recorded.
            await runs.SucceedAsync(run.Id, result, CancellationToken.None);
            LogRunFinished(logger, run.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await EndAsync(run.Id, Data.RunStatus.Cancelled, "cancelled by the caller");
            throw;
        }
        catch (Exception e)
        {
            await EndAsync(run.Id, Data.RunStatus.Failed, e.Message);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            if (simulation is not null)
            {
                await Task.WhenAny(simulation); // observe it; its outcome is already handled above
            }
        }
        var finished = await runs.ToProtoAsync(await runs.FindAsync(run.Id.ToString(), ct), ct);
        await responseStream.WriteAsync(new RunSimulationResponse { Finished = finished }, ct);
    }

    public override async Task<Run> GetRun(GetRunRequest request, ServerCallContext context) =>
        await runs.ToProtoAsync(await runs.FindAsync(request.Id, context.CancellationToken), context.CancellationToken);

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
        var page = await query.OrderByDescending(r => r.StartedAt).Skip(offset).Take(size).ToListAsync(ct);
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

    /// <summary>Records how a run ended; when the database itself is gone the original error still reaches the caller,
    /// and the run is marked interrupted at the next start-up.</summary>
    private async Task EndAsync(Guid runId, Data.RunStatus status, string error)
    {
        try
        {
            await runs.EndWithoutResultsAsync(runId, status, error);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogEndNotRecorded(logger, e, runId);
        }
    }

    private static RunSimulationResponse Progress(Guid runId, string term, double percent, string message) => new()
    {
        Progress = new RunProgress { RunId = runId.ToString(), Term = term, Percent = percent, Message = message },
    };

    private sealed class ChannelProgress(ChannelWriter<SimulationProgress> writer) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => writer.TryWrite(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started (scenario '{ScenarioId}')")]
    private static partial void LogRunStarted(ILogger logger, Guid runId, string scenarioId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record how run {RunId} ended")]
    private static partial void LogEndNotRecorded(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} succeeded")]
    private static partial void LogRunFinished(ILogger logger, Guid runId);
}
