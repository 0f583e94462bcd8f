namespace Planning.Engine.Assignment;

/// <summary>How one part (<see cref="Components"/>) was solved; the term's <see cref="Results.SolveStats"/> adds the parts up.</summary>
/// <param name="Objective">Cost of the part's assignment.</param>
/// <param name="Bound">The strongest lower bound proven.</param>
/// <param name="BoundKind">See <see cref="Results.SolveStats.BoundKind"/>.</param>
/// <param name="BoundMethod">How the bound was computed.</param>
/// <param name="SplitFlowBound">The split flow's optimum.</param>
/// <param name="BoundSeconds">Time spent on the flow and the LP.</param>
/// <param name="MinimumOverflow">Proven lower bound on the part's overflow pupils.</param>
/// <param name="Method">Last phase used.</param>
/// <param name="ReDecided">Most units given to one CP-SAT or SCIP model.</param>
/// <param name="CpSatStatus">CP-SAT's status in the cost phase, or null.</param>
internal sealed record PartStats(
    long Objective,
    long Bound,
    string BoundKind,
    string BoundMethod,
    long SplitFlowBound,
    double BoundSeconds,
    long MinimumOverflow,
    string Method,
    int ReDecided,
    string? CpSatStatus);
