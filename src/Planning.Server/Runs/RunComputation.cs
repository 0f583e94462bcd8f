using System.Threading.Channels;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Simulation;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// One attempt at a run on this node: rebuilds the engine's input from the run's frozen snapshot, computes it while
/// telling the run's grain each term and listening for a cancel, writes the results in one transaction if the run
/// is still this attempt's, and tells the grain how it ended.
/// </summary>
public sealed partial class RunComputation(
    RunAssignment run, IRunGrain grain, PlanningDb db, RunResults results, ServerLimits limits, ILogger<RunComputation> logger)
{
    private const int ResultWriteAttempts = 4;
    private static readonly TimeSpan ResultWriteBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CancelPoll = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GrainRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GrainPatience = TimeSpan.FromMinutes(2);

    private string? _cancelled;

    /// <summary>Computes the run; returns without an end when <paramref name="stopping"/> (this node stops) fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var row = await RunRows.FindAsync(db, run.RunId, stopping);
        if (row is null)
        {
            return;
        }
        LogComputing(logger, run.RunId, run.Attempt);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var limit = new RunTimeLimit(stop, TimeSpan.FromSeconds(limits.MaxRunSeconds), TimeProvider.System);
        var cancelWatch = ListenForCancelAsync(stop);
        RunEnd? end;
        try
        {
            var snapshot = RunSnapshot.FromJson(row.SnapshotJson);
            var input = RunSnapshots.ToInput(snapshot);
            await ReportAsync(RunEventKind.Computing, input.Parameters.Start.ToString(), 0,
                run.Attempt == 1 ? "starting" : $"starting again (attempt {run.Attempt})");
            var result = await ComputeAsync(input, row.Mode, limit);
            // Past this point the results are complete: a cancel that comes later is too late, and says so.
            _cancelled ??= await PatientlyAsync(() => grain.Writing(run.Attempt), stopping);
            end = _cancelled is not null ? new RunEnd(RunStatus.Cancelled, _cancelled)
                : await WriteResultsAsync(snapshot.DatasetGeneration, result) ? RunEnd.Succeeded
                : null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // this node stops: the line gives the run to another once the cluster sees it gone
        }
        catch (OperationCanceledException) when (_cancelled is not null)
        {
            end = new RunEnd(RunStatus.Cancelled, _cancelled);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            end = new RunEnd(RunStatus.Failed,
                $"stopped after {limits.MaxRunSeconds} s, the longest a run may compute (Limits:MaxRunSeconds); no results were kept",
                RunFailure.TimeLimit);
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            end = new RunEnd(RunStatus.Failed,
                $"the database became unavailable during the run ({ErrorInterceptor.DatabaseReason(e)}); no results were kept — run it again",
                RunFailure.DatabaseUnavailable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            end = new RunEnd(RunStatus.Failed, e.Message, RunFailure.Other);
        }
        finally
        {
            await stop.CancelAsync();
            await cancelWatch;
        }
        if (end is null)
        {
            LogTakenOver(logger, run.RunId, run.Attempt);
            return;
        }
        await PatientlyAsync(async () => { await grain.Ended(run.Attempt, end); return true; }, stopping);
        LogEnded(logger, run.RunId, end.Status);
    }

    private async Task<SimulationResult> ComputeAsync(SimulationInput input, RunMode mode, RunTimeLimit limit)
    {
        var channel = Channel.CreateUnbounded<SimulationProgress>();
        // Not given the token: a task cancelled before it began would never complete the channel read below.
        var simulation = Task.Run(() =>
        {
            try
            {
                var result = Simulator.Run(input, mode, new ChannelProgress(channel.Writer, limit.Check), limit.Token);
                limit.Check();
                limit.Token.ThrowIfCancellationRequested();
                return result;
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, CancellationToken.None);
        await foreach (var p in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            await ReportAsync(RunEventKind.Term, p.Term.ToString(), p.Percent, $"term {p.TermIndex + 1} of {p.TermCount}");
        }
        return await simulation;
    }

    /// <summary>Writes the results in one transaction, trying again while the database is briefly away; false when the run is no longer this attempt's.</summary>
    private async Task<bool> WriteResultsAsync(long datasetGeneration, SimulationResult result)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A commit that went through while its answer was lost: the results are there already.
                return (attempt > 1 && await results.HasSucceededAsync(run.RunId, run.Attempt))
                       || await results.SucceedAsync(run.RunId, run.Attempt, datasetGeneration, result, CancellationToken.None);
            }
            catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e) && attempt < ResultWriteAttempts)
            {
                LogResultsRetried(logger, e, run.RunId, attempt);
                await Task.Delay(ResultWriteBackoff * attempt);
            }
        }
    }

    /// <summary>Asks the grain, again and again, whether this attempt is cancelled; cancels <paramref name="stop"/> when it is.</summary>
    private async Task ListenForCancelAsync(CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await grain.WaitForCancel(run.Attempt, CancelPoll).WaitAsync(stop.Token) is { } reason)
                {
                    LogCancelHeard(logger, run.RunId, reason);
                    _cancelled = reason;
                    await stop.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogGrainUnavailable(logger, e, run.RunId);
                await Task.Delay(GrainRetry, CancellationToken.None);
            }
        }
    }

    /// <summary>Progress is news for watchers: one that cannot be told is logged, and the run goes on.</summary>
    private async Task ReportAsync(RunEventKind kind, string term, double percent, string message)
    {
        try
        {
            await grain.Progress(run.Attempt, kind, term, percent, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGrainUnavailable(logger, e, run.RunId);
        }
    }

    /// <summary>A call the run's life depends on: tried again while the grain's node is being replaced.</summary>
    private async Task<T> PatientlyAsync<T>(Func<Task<T>> call, CancellationToken stopping)
    {
        var until = DateTime.UtcNow + GrainPatience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < until)
            {
                LogGrainUnavailable(logger, e, run.RunId);
                await Task.Delay(GrainRetry, stopping);
            }
        }
    }

    /// <summary>Each term's progress into the channel, the time limit checked first (on the computing thread).</summary>
    private sealed class ChannelProgress(ChannelWriter<SimulationProgress> writer, Action checkLimit) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value)
        {
            checkLimit();
            writer.TryWrite(value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the results of run {RunId} failed (attempt {Attempt}); trying again")]
    private static partial void LogResultsRetried(ILogger logger, Exception e, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the grain of run {RunId}; trying again")]
    private static partial void LogGrainUnavailable(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: attempt {Attempt} was given up on while it computed here; its results were not kept")]
    private static partial void LogTakenOver(ILogger logger, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Computing run {RunId} (attempt {Attempt})")]
    private static partial void LogComputing(ILogger logger, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Reason}; stopping the solver")]
    private static partial void LogCancelHeard(ILogger logger, Guid runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ended {Status}")]
    private static partial void LogEnded(ILogger logger, Guid runId, RunStatus status);
}
