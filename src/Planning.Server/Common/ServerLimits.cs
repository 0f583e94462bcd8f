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

    /// <summary>Unary calls one API key may have in progress at once; more wait in the key's own line.</summary>
    public int MaxConcurrentCallsPerKey { get; init; } = Math.Max(2, Environment.ProcessorCount);
    /// <summary>Unary calls of one key that may wait for a place; one more is refused.</summary>
    public int MaxQueuedCallsPerKey { get; init; } = 64;
    /// <summary>Streaming calls (runs, imports, exports) one key may have open at once; one more is refused.</summary>
    public int MaxConcurrentStreamsPerKey { get; init; } = 4;
    /// <summary>Calls one key may start a second, on average; bursts of twice as many pass.</summary>
    public int MaxCallsPerSecondPerKey { get; init; } = 1000;
    /// <summary>Calls without a valid key one peer (IP address) may make a second; bursts of twice as many pass.</summary>
    public int MaxRefusedCallsPerSecondPerPeer { get; init; } = 10;
    /// <summary>Connections Kestrel keeps open at once; more wait to be accepted.</summary>
    public int MaxConnections { get; init; } = 1000;
    /// <summary>HTTP/2 streams (calls) one connection may have open at once; a client opens more over more connections.</summary>
    public int MaxStreamsPerConnection { get; init; } = 100;
    /// <summary>Export files built at once over all callers; more wait (each is then streamed from disk).</summary>
    public int MaxConcurrentExports { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Branch-and-bound nodes the general MIP solver may spend per part, term and goal (the engine's
    /// SolverOptions.MipNodes; each run records it); 0 turns that step off. At Baodi's size the default
    /// 1 (the root alone) costs up to 35 s a term.
    /// </summary>
    public long MipNodes { get; init; } = Planning.Engine.Inputs.SolverOptions.Default.MipNodes;

    /// <summary>Bytes of encoded GetTermResult responses of finished runs kept in memory (Runs.TermResultCache).</summary>
    public long TermResultCacheBytes { get; init; } = 256L * 1024 * 1024;

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
            (MaxConcurrentCallsPerKey < 1, "Limits:MaxConcurrentCallsPerKey must be at least 1"),
            (MaxQueuedCallsPerKey < 0, "Limits:MaxQueuedCallsPerKey must be 0 or more"),
            (MaxConcurrentStreamsPerKey < 1, "Limits:MaxConcurrentStreamsPerKey must be at least 1"),
            (MaxCallsPerSecondPerKey < 1, "Limits:MaxCallsPerSecondPerKey must be at least 1"),
            (MaxRefusedCallsPerSecondPerPeer < 1, "Limits:MaxRefusedCallsPerSecondPerPeer must be at least 1"),
            (MaxConcurrentExports < 1, "Limits:MaxConcurrentExports must be at least 1"),
            (MaxConnections < 1, "Limits:MaxConnections must be at least 1"),
            (TermResultCacheBytes < 0, "Limits:TermResultCacheBytes must be 0 or more"),
            (MaxStreamsPerConnection < 1, "Limits:MaxStreamsPerConnection must be at least 1"),
            (MipNodes is < 0 or > 1_000_000, "Limits:MipNodes must be from 0 (no MIP step) to 1000000"),
        ];
        return rules.FirstOrDefault(r => r.Bad).Message is { } message ? throw new InvalidOperationException(message) : this;
    }
}
