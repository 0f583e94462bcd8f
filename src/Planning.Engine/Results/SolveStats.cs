namespace Planning.Engine.Results;

/// <summary>
/// How one term's assignment was solved. Costs are in metres-equivalent: pupil-metres of travel plus
/// the weights of <see cref="Inputs.SimulationParameters"/>. The gap is defined once, here:
/// <c>Gap = (Objective − LowerBound) / Objective</c>, and 0 when the objective is 0. Every figure
/// except the seconds is the same on every machine for the same input.
/// </summary>
/// <param name="Method">
/// <c>none</c> (nothing to place), <c>kept</c> ("before" mode: no choice to make),
/// <c>relaxation</c> (splitting allowed: the min-cost-flow optimum is the answer), <c>rounded</c>
/// (the LP rounded to each area's main school, or the flow rounded with room kept, see
/// <c>Rounding</c>, was within the gap), <c>local-search</c>
/// (moves and ejection chains brought the rounding within the gap), <c>cp-sat</c> (CP-SAT
/// re-decided some areas after the local search), or <c>mip</c> (after CP-SAT, a general MIP
/// solver, SCIP, was given a whole part, or in a larger part up to
/// <see cref="Inputs.SolverOptions.MaxMipAreas"/> of its areas; <see cref="Inputs.SolverOptions.MipNodes"/>). With several independent parts (see
/// <see cref="Components"/>) it is the last phase any part needed.
/// </param>
/// <param name="Objective">Cost of the assignment used; equals <see cref="Breakdown"/>'s total.</param>
/// <param name="LowerBound">No assignment can cost less: the strongest bound proven, of kind <see cref="BoundKind"/>.</param>
/// <param name="Gap">(Objective − LowerBound) / Objective; 0 when the objective is 0 or proven optimal.</param>
/// <param name="Seconds">Wall-clock solve time (the only figure that depends on the machine; no limit is in time).</param>
/// <param name="Areas">Area-levels with pupils to place.</param>
/// <param name="AreasReDecided">Most area-levels given to one CP-SAT or SCIP model to re-decide (the cost rounds give <see cref="Inputs.SolverOptions.CostRoundAreas"/> at a time, many times).</param>
/// <param name="CpSatStatus">CP-SAT's status (<c>Optimal</c> only when every part it ran on was), or null when it did not run.</param>
public sealed record SolveStats(
    string Method,
    double Objective,
    double LowerBound,
    double Gap,
    double Seconds,
    int Areas,
    int AreasReDecided,
    string? CpSatStatus)
{
    /// <summary>Stats of a term where nothing had to be placed.</summary>
    public static SolveStats Nothing { get; } = new("none", 0, 0, 0, 0, 0, 0, null);

    /// <summary>
    /// What <see cref="LowerBound"/> is: <c>exact</c> (the objective is proven optimal: CP-SAT closed
    /// it, or splitting was allowed and the flow is the optimum), <c>whole-area LP</c> (the LP
    /// relaxation of the whole-area model; see <see cref="BoundMethod"/>), <c>split flow</c> (the
    /// relaxation where each grade of an area splits on its own; used where the LP was too large),
    /// or <c>none</c>. With several parts, the weakest kind any part used.
    /// </summary>
    public string BoundKind { get; init; } = "none";

    /// <summary>How <see cref="LowerBound"/> was computed, e.g. <c>GLOP duals, Lagrangian value</c> or <c>OR-Tools min-cost flow</c>.</summary>
    public string BoundMethod { get; init; } = "";

    /// <summary>Wall-clock seconds spent on the bounds (flow and LP), within <see cref="Seconds"/>.</summary>
    public double BoundSeconds { get; init; }

    /// <summary>The split-flow bound alone (≤ <see cref="LowerBound"/>), for comparison with older runs.</summary>
    public double SplitFlowBound { get; init; }

    /// <summary>The objective by level and kind of cost.</summary>
    public ObjectiveBreakdown Breakdown { get; init; } = ObjectiveBreakdown.Zero;

    /// <summary>Pupils over a capacity in the assignment used (<see cref="ObjectiveBreakdown.All"/>'s OverflowPupils).</summary>
    public long OverflowPupils { get; init; }

    /// <summary>
    /// Proven lower bound on the overflow pupils of every whole-area assignment (pinned areas,
    /// one candidate, included as they are): from a max flow of the seats and, where CP-SAT could
    /// solve the overflow-only model of a part exactly, its proven optimum. When it equals
    /// <see cref="OverflowPupils"/>, every overflow left is unavoidable.
    /// </summary>
    public long MinimumOverflowBound { get; init; }

    /// <summary>True when <see cref="OverflowPupils"/> = <see cref="MinimumOverflowBound"/>: no whole-area assignment has less overflow.</summary>
    public bool MinimumOverflowProven => OverflowPupils == MinimumOverflowBound;

    /// <summary>Independent parts of the problem (connected by shared candidate schools), each solved on its own.</summary>
    public int Components { get; init; }
}
