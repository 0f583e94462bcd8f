using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Simulation;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using Planning.V1;

namespace Planning.Server.Runs;

[Authorize(Policy = Roles.Viewer)]
public sealed partial class SimulationApi(
    PlanningDb db, ScenarioStore scenarios, RunResults runs, RunQueries queries, RunQueue queue, RunEndRecorder endRecorder,
    ServerLimits limits, ILogger<SimulationApi> logger)
    : SimulationService.SimulationServiceBase
{
    private const int ResultWriteAttempts = 4;
    private static readonly TimeSpan ResultWriteBackoff = TimeSpan.FromSeconds(2);

    [Authorize(Policy = Roles.Planner)]
    public override async Task RunSimulation(
        RunSimulationRequest request, IServerStreamWriter<RunSimulationResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestProblems = new Problems();
        if (request.Label.Length > 100)
        {
            requestProblems.Add("label", "must be at most 100 characters");
        }
        var mode = Vocabulary.FromProto(request.Mode);
        if (mode is null)
        {
            requestProblems.Add("mode", $"unknown run mode {(int)request.Mode}: REDISTRIBUTE or KEEP_CURRENT");
        }
        requestProblems.ThrowIfAny();
        Guid? scenarioId = null;
        ScenarioSettings? settings = null;
        IEnumerable<ScenarioChange> changes = [];
        if (request.ScenarioId.Length > 0)
        {
            var scenario = ScenarioStore.ToProto(await scenarios.FindAsync(request.ScenarioId, tracking: false, ct));
            (scenarioId, settings, changes) = (Guid.Parse(scenario.Id), scenario.Settings, scenario.Changes);
        }
        settings = request.Settings ?? settings; // this run only; the snapshot keeps what it ran with
        // What runs is what is stored: the input read back from the frozen snapshot.
        var snapshot = RunSnapshots.Freeze(await scenarios.InputAsync(settings, changes, ct));
        var input = RunSnapshots.ToInput(snapshot);
        CheckSize(input);
        var runId = Guid.NewGuid();
        // Stops the solver whenever this call ends early, whatever the reason, and after the server's time limit.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<Planning.Engine.Results.SimulationResult>? simulation = null;
        var place = queue.Join();
        try
        {
            // Inside the try: a row stored whose answer is lost must still be ended below.
            await runs.StartAsync(runId, scenarioId, mode!.Value, request.Label, snapshot, queued: !place.StartedAtOnce, ct);
            LogRunStarted(logger, runId, request.ScenarioId);
            if (!place.StartedAtOnce)
            {
                await place.WaitAsync(position => responseStream.WriteAsync(Queued(runId, position), ct), ct);
                await runs.ComputingAsync(runId, ct);
            }
            stop.CancelAfter(TimeSpan.FromSeconds(limits.MaxRunSeconds));
            await responseStream.WriteAsync(Progress(runId, input.Parameters.Start.ToString(), 0, "starting"), ct);
            var channel = Channel.CreateUnbounded<SimulationProgress>();
            simulation = Task.Run(() =>
            {
                try
                {
                    return Simulator.Run(input, mode!.Value,
                        new ChannelProgress(channel.Writer), stop.Token);
                }
                finally
                {
                    channel.Writer.Complete();
                }
            }, stop.Token);
            await foreach (var p in channel.Reader.ReadAllAsync(ct))
            {
                await responseStream.WriteAsync(Progress(runId, p.Term.ToString(), p.Percent,
                    $"term {p.TermIndex + 1} of {p.TermCount}"), ct);
            }
            var result = await simulation;
            // Past this point the results are complete: a late cancel must not leave them half-recorded.
            await WriteResultsAsync(runId, snapshot.DatasetGeneration, result);
            LogRunFinished(logger, runId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A client stops at its own deadline, a moment before the server's copy of it passes.
            var deadline = context.Deadline - DateTime.UtcNow < TimeSpan.FromSeconds(1);
            await EndAsync(runId, Data.RunStatus.Cancelled, deadline ? "the caller's deadline passed before the run finished" : "cancelled by the caller");
            throw;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var message = $"stopped after {limits.MaxRunSeconds} s, the longest a run may compute (Limits:MaxRunSeconds); no results were kept";
            await EndAsync(runId, Data.RunStatus.Failed, message);
            throw new LimitExceededException(message);
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            await EndAsync(runId, Data.RunStatus.Failed,
                $"the database became unavailable during the run ({ErrorInterceptor.DatabaseReason(e)}); no results were kept — run it again");
            throw;
        }
        catch (Exception e)
        {
            await EndAsync(runId, Data.RunStatus.Failed, e.Message);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            if (simulation is not null)
            {
                await Task.WhenAny(simulation); // observe it; its outcome is already handled above
            }
            place.Dispose(); // the solver has stopped: the next run in line may compute
        }
        var finished = await runs.ToProtoAsync(await runs.FindAsync(runId.ToString(), ct), ct);
        await responseStream.WriteAsync(new RunSimulationResponse { Finished = finished }, ct);
    }

    public override async Task<Run> GetRun(GetRunRequest request, ServerCallContext context) =>
        await runs.ToProtoAsync(await runs.FindAsync(request.Id, context.CancellationToken, "id"), context.CancellationToken);

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

    private void CheckSize(Planning.Engine.Inputs.SimulationInput input)
    {
        var terms = input.Parameters.Horizon.TermsSince(input.Parameters.Start) + 1;
        var size = (long)input.Areas.Count * input.Schools.Count * terms;
        if (size > limits.MaxRunSize)
        {
            throw new LimitExceededException(
                $"the run is {input.Areas.Count:N0} areas × {input.Schools.Count:N0} schools × {terms} terms = {size:N0}; " +
                $"the most this server runs is {limits.MaxRunSize:N0} (Limits:MaxRunSize)");
        }
    }

    /// <summary>Writes the results in one transaction, trying again while the database is briefly away.</summary>
    private async Task WriteResultsAsync(Guid runId, long datasetGeneration, Planning.Engine.Results.SimulationResult result)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A commit that went through while its answer was lost: the results are there already.
                if (attempt == 1 || !await runs.HasSucceededAsync(runId))
                {
                    await runs.SucceedAsync(runId, datasetGeneration, result, CancellationToken.None);
                }
                return;
            }
            catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e) && attempt < ResultWriteAttempts)
            {
                LogResultsRetried(logger, e, runId, attempt);
                await Task.Delay(ResultWriteBackoff * attempt);
            }
        }
    }

    /// <summary>Records how a run ended. When the database itself is gone the original error still reaches the
    /// caller, and the end is recorded in the background once the database is back.</summary>
    private async Task EndAsync(Guid runId, Data.RunStatus status, string error)
    {
        try
        {
            await RunResults.EndWithoutResultsAsync(db, runId, status, error, CancellationToken.None);
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e) || e is InvalidOperationException)
        {
            LogEndNotRecorded(logger, e, runId);
            endRecorder.Enqueue(runId, status, error);
        }
    }

    private static RunSimulationResponse Progress(Guid runId, string term, double percent, string message) => new()
    {
        Progress = new RunProgress { RunId = runId.ToString(), Term = term, Percent = percent, Message = message },
    };

    private static RunSimulationResponse Queued(Guid runId, int position) => new()
    {
        Progress = new RunProgress
        {
            RunId = runId.ToString(), QueuePosition = position,
            Message = position == 1 ? "queued: next to run" : $"queued: {position - 1} run(s) ahead",
        },
    };

    private sealed class ChannelProgress(ChannelWriter<SimulationProgress> writer) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => writer.TryWrite(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started (scenario '{ScenarioId}')")]
    private static partial void LogRunStarted(ILogger logger, Guid runId, string scenarioId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the results of run {RunId} failed (attempt {Attempt}); trying again")]
    private static partial void LogResultsRetried(ILogger logger, Exception e, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record how run {RunId} ended; will retry in the background")]
    private static partial void LogEndNotRecorded(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} succeeded")]
    private static partial void LogRunFinished(ILogger logger, Guid runId);
}
