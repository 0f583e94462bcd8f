using Orleans;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>What a run's journal records, in order; a watcher resumes after the last <see cref="RunEvent.Sequence"/> it saw.</summary>
public enum RunEventKind { Queued, Computing, Term, Requeued, Ended }

/// <summary>Why a run failed, for callers that expect a status code (RunSimulation).</summary>
public enum RunFailure { None, TimeLimit, DatabaseUnavailable, Other }

/// <summary>How a run ended.</summary>
[GenerateSerializer, Immutable, Alias("planning.RunEnd")]
public sealed record RunEnd(
    [property: Id(0)] RunStatus Status,
    [property: Id(1)] string Error,
    [property: Id(2)] RunFailure Failure = RunFailure.None)
{
    public static readonly RunEnd Succeeded = new(RunStatus.Succeeded, "");
}

/// <summary>One step of a run: queued, computing on a node, a term solved, queued again after a node stopped, ended.</summary>
[GenerateSerializer, Immutable, Alias("planning.RunEvent")]
public sealed record RunEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] RunEventKind Kind,
    [property: Id(2)] string Message,
    [property: Id(3)] string Term = "",
    [property: Id(4)] double Percent = 0,
    [property: Id(5)] RunEnd? End = null);

/// <summary>The events after a watcher's last, and whether the run still waits in line.</summary>
[GenerateSerializer, Immutable, Alias("planning.RunEventsPage")]
public sealed record RunEventsPage(
    [property: Id(0)] IReadOnlyList<RunEvent> Events,
    [property: Id(1)] bool Waiting);

/// <summary>A run's journal, kept by Orleans' grain storage so that it outlives the node that wrote it.</summary>
[GenerateSerializer, Alias("planning.RunJournal")]
public sealed class RunJournal
{
    [Id(0)]
    public List<RunEvent> Events { get; set; } = [];

    /// <summary>A cancel asked while the run was computing: kept so that the run still ends cancelled when its node stops.</summary>
    [Id(1)]
    public string? CancelReason { get; set; }
}

/// <summary>A run the line gave to a node, and which attempt at it this is.</summary>
[GenerateSerializer, Immutable, Alias("planning.RunAssignment")]
public sealed record RunAssignment([property: Id(0)] Guid RunId, [property: Id(1)] int Attempt);

/// <summary>What a cancel did.</summary>
public enum CancelOutcome { Cancelled, Requested, TooLate, AlreadyEnded }
