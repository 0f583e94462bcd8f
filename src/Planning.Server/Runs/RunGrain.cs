using Orleans;
using Orleans.Runtime;
using Orleans.Timers;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// Owns a run's life (see <see cref="IRunGrain"/>). Every change of state goes through here, one call at a time, and
/// is written to the run's row with a condition on the state it comes from; the events go to the journal that watchers
/// read. While the run is unfinished a reminder wakes the grain every minute, wherever it lives then, to see that
/// the run is still in hand: an end the database could not take is written again, a waiting run is offered again.
/// </summary>
public sealed partial class RunGrain(
    [PersistentState("journal", RunGrain.Storage)] IPersistentState<RunJournal> journal,
    IServiceScopeFactory scopes, ServerLimits limits, ILogger<RunGrain> logger)
    : Grain, IRunGrain, IRemindable
{
    /// <summary>The grain storage that keeps each run's journal (registered in Hosting/ClusterSetup.cs).</summary>
    public const string Storage = "runs";

    private const string Watchdog = "watchdog";
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private TaskCompletionSource _changed = Signal();
    private TaskCompletionSource<string> _cancel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempt; // the attempt this activation gave out; 0 when it began elsewhere
    private int _writingAttempt;
    private (int Attempt, RunEnd End)? _unrecorded;
    private IGrainTimer? _retry;

    private Guid RunId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        if (journal.State.CancelReason is { } reason)
        {
            _cancel.TrySetResult(reason);
        }
        if (journal.State.Events.Count > 0)
        {
            return;
        }
        // A run stored by a node that stopped before it told this grain: start the journal from the row.
        var row = await WithDbAsync(db => RunRows.FindAsync(db, RunId, ct));
        if (row is not null)
        {
            await AppendAsync(RunEventKind.Queued, "queued");
            if (IsEnded(row.Status))
            {
                await AppendAsync(RunEventKind.Ended, row.Error, end: new RunEnd(row.Status, row.Error));
            }
        }
    }

    public async Task Queued()
    {
        await this.RegisterOrUpdateReminder(Watchdog, WatchdogPeriod, WatchdogPeriod);
    }

    public async Task<int> Assign(string node)
    {
        var row = await WithDbAsync(db => RunRows.FindAsync(db, RunId, CancellationToken.None));
        if (row is not { Status: RunStatus.Queued })
        {
            return 0;
        }
        var attempt = row.Attempt + 1;
        if (!await WithDbAsync(db => RunRows.AssignAsync(db, RunId, node, attempt, CancellationToken.None)))
        {
            return 0;
        }
        _attempt = attempt;
        _cancel = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        LogAssigned(logger, RunId, node, attempt);
        return attempt;
    }

    public async Task Progress(int attempt, RunEventKind kind, string term, double percent, string message)
    {
        if (!IsStale(attempt) && !IsOver())
        {
            await AppendAsync(kind, message, term, percent);
        }
    }

    public async Task<string?> WaitForCancel(int attempt, TimeSpan wait)
    {
        try
        {
            return await _cancel.Task.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public Task<string?> Writing(int attempt)
    {
        if (journal.State.CancelReason is null)
        {
            _writingAttempt = attempt;
        }
        return Task.FromResult(journal.State.CancelReason);
    }

    public async Task Ended(int attempt, RunEnd end)
    {
        if (IsStale(attempt) || IsOver())
        {
            return; // a node that was given up on, or a retried call
        }
        // A success was stored with the results, in their transaction; any other end is stored here. While the
        // database is away the end is kept and written later, and watchers learn it at once.
        if (end.Status == RunStatus.Succeeded || await RecordEndAsync(attempt, end) is not false)
        {
            await FinishAsync(end);
        }
    }

    public async Task NodeLost(int attempt, string node)
    {
        if (journal.State.CancelReason is not null)
        {
            // Asked to stop before the node went: that is how it ends.
            await EndWithoutResultsAsync(attempt, new RunEnd(RunStatus.Cancelled, journal.State.CancelReason));
            return;
        }
        if (attempt >= limits.MaxRunAttempts)
        {
            await EndWithoutResultsAsync(attempt, new RunEnd(RunStatus.Interrupted,
                $"the node computing it stopped {attempt} time(s), the most a run is begun again (Limits:MaxRunAttempts); " +
                "no results were kept — run it again"));
            return;
        }
        if (await WithDbAsync(db => RunRows.RequeueAsync(db, RunId, attempt, CancellationToken.None)))
        {
            _writingAttempt = 0;
            LogRequeued(logger, RunId, node, attempt);
            await AppendAsync(RunEventKind.Requeued, $"node {node} stopped while computing it; waiting to be computed again");
        }
    }

    public async Task<CancelOutcome> Cancel(string reason)
    {
        var outcome = await CancelOnceAsync(reason);
        LogCancel(logger, RunId, reason, outcome);
        return outcome;
    }

    private async Task<CancelOutcome> CancelOnceAsync(string reason)
    {
        var row = await WithDbAsync(db => RunRows.FindAsync(db, RunId, CancellationToken.None))
                  ?? throw new NotFoundException($"run {RunId}");
        switch (row.Status)
        {
            case RunStatus.Queued:
                return await EndWithoutResultsAsync(row.Attempt, new RunEnd(RunStatus.Cancelled, reason))
                    ? CancelOutcome.Cancelled
                    : await CancelOnceAsync(reason); // taken by a node meanwhile
            case RunStatus.Running when _writingAttempt == row.Attempt:
                return CancelOutcome.TooLate;
            case RunStatus.Running:
                if (journal.State.CancelReason is null)
                {
                    journal.State.CancelReason = reason;
                    await StoreJournalAsync();
                }
                _cancel.TrySetResult(journal.State.CancelReason);
                return CancelOutcome.Requested;
            default:
                return CancelOutcome.AlreadyEnded;
        }
    }

    public async Task<RunEventsPage> Events(long after, TimeSpan wait)
    {
        var changed = _changed.Task;
        if (journal.State.Events.Count <= after && !IsOver())
        {
            await Task.WhenAny(changed, Task.Delay(wait));
        }
        var events = journal.State.Events.Where(e => e.Sequence > after).ToList();
        var last = journal.State.Events.LastOrDefault(e => e.Kind != RunEventKind.Term);
        return new RunEventsPage(events, last?.Kind is RunEventKind.Queued or RunEventKind.Requeued);
    }

    public async Task Forget()
    {
        await journal.ClearStateAsync();
        await StopWatchdogAsync();
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_unrecorded is not null)
        {
            await RetryEndAsync();
            return;
        }
        var row = await WithDbAsync(db => RunRows.FindAsync(db, RunId, CancellationToken.None));
        if (row is null || IsEnded(row.Status))
        {
            if (row is not null && !IsOver())
            {
                await FinishAsync(new RunEnd(row.Status, row.Error));
            }
            await StopWatchdogAsync();
        }
        else if (row.Status == RunStatus.Queued)
        {
            await GrainFactory.GetGrain<IRunLineGrain>(0).Changed();
        }
    }

    private async Task<bool> EndWithoutResultsAsync(int attempt, RunEnd end)
    {
        if (!await WithDbAsync(db => RunRows.EndAsync(db, RunId, attempt, end, CancellationToken.None)))
        {
            return false;
        }
        await FinishAsync(end);
        return true;
    }

    /// <summary>
    /// Writes an end without results: true when written, false when the row had moved on (another attempt, an end),
    /// null when the database is away: then it is kept and tried again every few seconds.
    /// </summary>
    private async Task<bool?> RecordEndAsync(int attempt, RunEnd end)
    {
        _unrecorded = (attempt, end);
        try
        {
            var written = await WithDbAsync(db => RunRows.EndAsync(db, RunId, attempt, end, CancellationToken.None));
            _unrecorded = null;
            _retry?.Dispose();
            _retry = null;
            LogRecorded(logger, RunId, end.Status, written);
            return written;
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            LogEndNotRecorded(logger, e, RunId);
            _retry ??= this.RegisterGrainTimer(_ => RetryEndAsync(),
                new GrainTimerCreationOptions { DueTime = RetryEvery, Period = RetryEvery, KeepAlive = true });
            return null;
        }
    }

    private async Task RetryEndAsync()
    {
        if (_unrecorded is { } pending && await RecordEndAsync(pending.Attempt, pending.End) is not null)
        {
            await StopWatchdogAsync();
        }
    }

    private async Task FinishAsync(RunEnd end)
    {
        _cancel.TrySetResult(end.Error);
        await AppendAsync(RunEventKind.Ended, end.Status == RunStatus.Succeeded ? "succeeded" : end.Error, end: end);
        if (_unrecorded is null)
        {
            await StopWatchdogAsync();
        }
    }

    private async Task StopWatchdogAsync()
    {
        try
        {
            if (await this.GetReminder(Watchdog) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is ReminderException || ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            LogWatchdogKept(logger, e, RunId); // it comes again, sees the run ended and tries once more
        }
    }

    /// <summary>Adds an event and stores the journal; a database that is away loses no event for watchers here, only its copy.</summary>
    private async Task AppendAsync(RunEventKind kind, string message, string term = "", double percent = 0, RunEnd? end = null)
    {
        journal.State.Events.Add(new RunEvent(journal.State.Events.Count + 1, kind, message, term, percent, end));
        var changed = _changed;
        _changed = Signal();
        changed.TrySetResult();
        await StoreJournalAsync();
    }

    private async Task StoreJournalAsync()
    {
        try
        {
            await journal.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogJournalNotStored(logger, e, RunId);
        }
    }

    private bool IsStale(int attempt) => _attempt != 0 && attempt != _attempt;

    private bool IsOver() => journal.State.Events.LastOrDefault()?.Kind == RunEventKind.Ended;

    private static bool IsEnded(RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);

    private async Task<T> WithDbAsync<T>(Func<PlanningDb, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlanningDb>());
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} goes to node {Node} (attempt {Attempt})")]
    private static partial void LogAssigned(ILogger logger, Guid runId, string node, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Reason}: {Outcome}")]
    private static partial void LogCancel(ILogger logger, Guid runId, string reason, CancelOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} waits in line again: node {Node} stopped during attempt {Attempt}")]
    private static partial void LogRequeued(ILogger logger, Guid runId, string node, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record how run {RunId} ended; trying again while the database is away")]
    private static partial void LogEndNotRecorded(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ended {Status} (stored: {Written})")]
    private static partial void LogRecorded(ILogger logger, Guid runId, RunStatus status, bool written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the journal of run {RunId}; watchers on this node still see it")]
    private static partial void LogJournalNotStored(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the watchdog reminder of run {RunId}; it is removed at its next tick")]
    private static partial void LogWatchdogKept(ILogger logger, Exception e, Guid runId);
}
