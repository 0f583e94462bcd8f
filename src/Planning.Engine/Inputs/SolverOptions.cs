namespace Planning.Engine.Inputs;

/// <summary>Limits of the whole-area solver (CP-SAT), per term.</summary>
/// <param name="TimeLimitSeconds">
/// CP-SAT's work limit per term in its deterministic seconds, so that a run repeats exactly; on a
/// 2-core machine one deterministic second took about 3 wall-clock seconds (wall-clock time is
/// capped at ten times the limit as a safeguard). The local search before CP-SAT runs to
/// convergence (at most 100 passes).
/// </param>
/// <param name="RelativeGap">Stop as soon as the whole-area objective is within this share of the relaxation's lower bound.</param>
/// <param name="Workers">CP-SAT search workers; 1 is reproducible, more may be faster on large instances.</param>
/// <param name="MaxFreeAreas">
/// Most area-levels given to CP-SAT per term. Up to this many, CP-SAT re-decides every area; beyond,
/// only the neighbourhood of overfull schools (the rest keep the local search's school).
/// </param>
public sealed record SolverOptions(
    double TimeLimitSeconds = 0.2,
    double RelativeGap = 0.001,
    int Workers = 1,
    int MaxFreeAreas = 500)
{
    /// <summary>Defaults throughout.</summary>
    public static SolverOptions Default { get; } = new();
}
