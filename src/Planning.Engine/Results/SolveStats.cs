namespace Planning.Engine.Results;

/// <summary>How one term's assignment was solved. Costs are in metres-equivalent: pupil-metres of travel plus the weights of <see cref="Inputs.SimulationParameters"/>.</summary>
/// <param name="Method">
/// <c>none</c> (nothing to place), <c>kept</c> ("before" mode: no choice to make),
/// <c>relaxation</c> (splitting allowed: the min-cost-flow optimum is the answer), <c>rounded</c>
/// (the relaxation rounded to each area's main school was within the gap; 0 gap means it placed
/// every area whole, so it is optimal), <c>local-search</c> (moves and ejection chains brought the
/// rounding within the gap), or <c>cp-sat</c> (CP-SAT re-decided some areas after the local search).
/// </param>
/// <param name="Objective">Cost of the assignment used.</param>
/// <param name="LowerBound">Cost of the split relaxation (min-cost flow): no assignment can cost less.</param>
/// <param name="Gap">(Objective − LowerBound) / Objective; 0 when proven optimal.</param>
/// <param name="Seconds">Wall-clock solve time.</param>
/// <param name="Areas">Area-levels with pupils to place.</param>
/// <param name="AreasReDecided">Area-levels given to CP-SAT.</param>
/// <param name="CpSatStatus">CP-SAT's status, or null when it did not run.</param>
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
}
