namespace Planning.Server.Common;

/// <summary>Server limits, configurable under "Limits".</summary>
public sealed record ServerLimits
{
    /// <summary>Largest gRPC message in either direction.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Largest import upload over all chunks.</summary>
    public long MaxImportBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>Most features in one import.</summary>
    public int MaxImportFeatures { get; init; } = 200_000;
    /// <summary>Simulations this node computes at once; more wait in the cluster's line. The solver uses every core it is given.</summary>
    public int MaxConcurrentRuns { get; init; } = Math.Max(1, Environment.ProcessorCount / 4);
    /// <summary>Simulations that may wait in the cluster's line; one more is refused.</summary>
    public int MaxQueuedRuns { get; init; } = 16;
    /// <summary>Simulations one API key may have waiting in line; one more is refused (others' runs still take turns with them).</summary>
    public int MaxQueuedRunsPerKey { get; init; } = 4;
    /// <summary>Times a run is begun again after the node computing it stopped; then it ends interrupted.</summary>
    public int MaxRunAttempts { get; init; } = 3;
    /// <summary>Largest run: residential areas × schools × terms (Baodi to 2025-autumn: 924 × 103 × 11 ≈ 1 M).</summary>
    public long MaxRunSize { get; init; } = 100_000_000;
    /// <summary>Longest a run may compute before the server stops it.</summary>
    public int MaxRunSeconds { get; init; } = 3600;

    /// <summary>These limits, or an error at start naming the first that cannot work.</summary>
    public ServerLimits Checked()
    {
        (bool Bad, string Message)[] rules =
        [
            (MaxMessageBytes < 1024, "Limits:MaxMessageBytes must be at least 1024"),
            (MaxImportBytes < 1, "Limits:MaxImportBytes must be at least 1"),
            (MaxImportFeatures < 1, "Limits:MaxImportFeatures must be at least 1"),
            (MaxConcurrentRuns < 1, "Limits:MaxConcurrentRuns must be at least 1 (with 0 no run would ever compute)"),
            (MaxQueuedRuns < 1, "Limits:MaxQueuedRuns must be at least 1 (every run waits in line, if only for a moment)"),
            (MaxQueuedRunsPerKey < 1, "Limits:MaxQueuedRunsPerKey must be at least 1"),
            (MaxRunAttempts is < 1 or > 100, "Limits:MaxRunAttempts must be from 1 to 100"),
            (MaxRunSize < 1, "Limits:MaxRunSize must be at least 1"),
            (MaxRunSeconds is < 1 or > 7 * 24 * 3600, "Limits:MaxRunSeconds must be from 1 to 604800 (a week)"),
        ];
        return rules.FirstOrDefault(r => r.Bad).Message is { } message ? throw new InvalidOperationException(message) : this;
    }
}
