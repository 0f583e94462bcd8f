using NetTopologySuite.Geometries;

namespace Planning.Server.Data;

// Scenarios and simulation runs. A run keeps the exact input it was computed
// from (InputJson), so it can be reproduced; its results are written in one
// transaction when it succeeds and not at all otherwise.

public sealed class ScenarioRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>planning.v1.ScenarioSettings as protobuf JSON.</summary>
    public required string SettingsJson { get; set; }
    /// <summary>The planning.v1.ScenarioChange list as a protobuf JSON array, in order.</summary>
    public required string ChangesJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

public enum RunStatus { Running, Succeeded, Cancelled, Failed, Interrupted, Queued }

public enum RunMode { Redistribute, KeepCurrent }

public sealed class RunRow
{
    /// <summary>Runs still computing or waiting in line: their rows must not go, and a new server start interrupts them.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<RunRow, bool>> Unfinished =
        r => r.Status == RunStatus.Running || r.Status == RunStatus.Queued;

    public Guid Id { get; set; }
    public Guid? ScenarioId { get; set; }
    public RunMode Mode { get; set; }
    public string Label { get; set; } = "";
    public RunStatus Status { get; set; }
    public string Error { get; set; } = "";
    /// <summary>When the run was asked for.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>When computing began; null while it waits in line.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The simulation input (base data with the scenario applied) as JSON.</summary>
    public string InputJson { get; set; } = "";
}

public sealed class RunTermRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int TermIndex { get; set; }
    public required string Term { get; set; }
    public int Students { get; set; }
    public int SchoolsOverSize { get; set; }
    public int GradesOverClassLimit { get; set; }
    public int SeatsShort { get; set; }
    public int StudentsMoved { get; set; }
    public double MeanDistanceM { get; set; }
    public double MaxDistanceM { get; set; }
    public double OptimalityGap { get; set; }
    public double SolveSeconds { get; set; }
}

public sealed class RunSchoolRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string SchoolCode { get; set; }
    public bool Open { get; set; }
    public int Students { get; set; }
    public int SizeLimit { get; set; }
    public int PrimaryTracks { get; set; }
    public int JuniorTracks { get; set; }
    public required int[] Enrolment { get; set; }
    public required int[] Classes { get; set; }
    public required int[] LargestClass { get; set; }
}

public sealed class RunPlacementRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public string? AreaCode { get; set; }
    public int Grade { get; set; }
    public required string SchoolCode { get; set; }
    public int Students { get; set; }
}

public sealed class RunAssignmentRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string AreaCode { get; set; }
    public SchoolPart Part { get; set; }
    public required string SchoolCode { get; set; }
    public double Share { get; set; }
    public double DistanceM { get; set; }
}

public sealed class RunViolationRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string Kind { get; set; }
    public string? SchoolCode { get; set; }
    public int Grade { get; set; }
    public int Students { get; set; }
    public int Limit { get; set; }
    public int Excess { get; set; }
    public required string[] AreaCodes { get; set; }
}

public sealed class RunCatchmentRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public SchoolPart Part { get; set; }
    public required string SchoolCode { get; set; }
    public int Areas { get; set; }
    public int Parts { get; set; }
    public Geometry? Boundary { get; set; }
}
