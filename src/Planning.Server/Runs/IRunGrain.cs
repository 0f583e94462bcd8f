using Orleans;
using Orleans.Concurrency;

namespace Planning.Server.Runs;

/// <summary>
/// The one owner of a run's life: queued → computing → succeeded / failed / cancelled / interrupted, and queued again
/// when the node computing it stops. One activation per run in the whole cluster, reachable from every node; the
/// run's row is its record and Orleans' grain storage keeps its journal of events.
/// </summary>
[Alias("planning.IRunGrain")]
public interface IRunGrain : IGrainWithGuidKey
{
    /// <summary>The run's row was just stored, waiting in line.</summary>
    [Alias("Queued")]
    Task Queued();

    /// <summary>The line gives the run to <paramref name="node"/>: returns the attempt, or 0 when it no longer waits.</summary>
    [Alias("Assign")]
    Task<int> Assign(string node);

    /// <summary>Computing began (<see cref="RunEventKind.Computing"/>) or a term was solved (<see cref="RunEventKind.Term"/>).</summary>
    [Alias("Progress")]
    Task Progress(int attempt, RunEventKind kind, string term, double percent, string message);

    /// <summary>Waits up to <paramref name="wait"/> for a cancel of this attempt; returns its reason, or null.</summary>
    [AlwaysInterleave, Alias("WaitForCancel")]
    Task<string?> WaitForCancel(int attempt, TimeSpan wait);

    /// <summary>The results are complete: returns null when they may be written (no cancel is taken after that), else the cancel's reason.</summary>
    [Alias("Writing")]
    Task<string?> Writing(int attempt);

    /// <summary>The node computing it reports how it ended; a success is already stored with its results.</summary>
    [Alias("Ended")]
    Task Ended(int attempt, RunEnd end);

    /// <summary>The node computing this attempt has left the cluster: wait in line again, or stop after too many tries.</summary>
    [Alias("NodeLost")]
    Task NodeLost(int attempt, string node);

    /// <summary>Cancels it: at once while it waits, else by telling the node computing it.</summary>
    [Alias("Cancel")]
    Task<CancelOutcome> Cancel(string reason);

    /// <summary>The journal after <paramref name="after"/>, waiting up to <paramref name="wait"/> for something new.</summary>
    [AlwaysInterleave, Alias("Events")]
    Task<RunEventsPage> Events(long after, TimeSpan wait);

    /// <summary>The run was deleted: drop the journal.</summary>
    [Alias("Forget")]
    Task Forget();
}

/// <summary>The cluster-wide line of runs: one activation hands runs to nodes in a fair order of arrival.</summary>
[Alias("planning.IRunLineGrain")]
public interface IRunLineGrain : IGrainWithIntegerKey
{
    /// <summary>The next run for <paramref name="node"/>, which has a free place; null when none waits.</summary>
    [Alias("TakeNext")]
    Task<RunAssignment?> TakeNext(string node);

    /// <summary>Returns when a run joined the line (or one was given back), or after <paramref name="wait"/>.</summary>
    [AlwaysInterleave, Alias("WaitForWork")]
    Task WaitForWork(TimeSpan wait);

    /// <summary>A run joined the line: wakes the nodes waiting for work.</summary>
    [AlwaysInterleave, OneWay, Alias("Changed")]
    Task Changed();
}
