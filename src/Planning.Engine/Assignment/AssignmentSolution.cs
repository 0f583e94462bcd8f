using Planning.Engine.Results;

namespace Planning.Engine.Assignment;

/// <summary>Where every unit's pupils go, with the objective and the relaxation's bound.</summary>
/// <param name="PerUnit">Allocations of each unit, same order as the problem's units.</param>
/// <param name="Stats">Objective, bound, gap and time.</param>
internal sealed record AssignmentSolution(IReadOnlyList<IReadOnlyList<Allocation>> PerUnit, SolveStats Stats);
