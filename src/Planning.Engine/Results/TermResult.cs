using Planning.Engine.Terms;

namespace Planning.Engine.Results;

/// <summary>Everything simulated for one term.</summary>
/// <param name="Term">The term.</param>
/// <param name="Schools">Enrolment, classes and largest class per school and grade, in input order.</param>
/// <param name="Assignments">Each area's school per level (its catchment).</param>
/// <param name="Placements">Pupils per area, grade and school.</param>
/// <param name="Catchments">Per school and level, the union of its areas.</param>
/// <param name="Violations">Broken limits; empty when every school meets every limit.</param>
/// <param name="Movement">Intake, leavers and moved pupils.</param>
/// <param name="Distances">Travel distance for all grades (first), then primary and junior.</param>
/// <param name="Solve">How the assignment was solved.</param>
public sealed record TermResult(
    Term Term,
    IReadOnlyList<SchoolTermResult> Schools,
    IReadOnlyList<AreaAssignment> Assignments,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<Catchment> Catchments,
    IReadOnlyList<Violation> Violations,
    MovementStats Movement,
    IReadOnlyList<DistanceStats> Distances,
    SolveStats Solve)
{
    /// <summary>Pins and locks that made the term infeasible or could not be held, each naming its change; empty when all held.</summary>
    public IReadOnlyList<ConstraintIssue> ConstraintIssues { get; init; } = [];

    /// <summary>Pieces of catchments cut off from the rest, over every school and level.</summary>
    public int Enclaves => Catchments.Sum(c => c.Enclaves.Count);

    /// <summary>Travel distance over all grades.</summary>
    public DistanceStats Distance => Distances[0];
}
