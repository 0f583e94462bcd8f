using Planning.Engine.Scenarios;
using Planning.Engine.Spatial;

namespace Planning.Engine.Inputs;

/// <summary>Everything a simulation needs: the district's schools and areas and the parameters.</summary>
/// <param name="Schools">Schools, unique by code.</param>
/// <param name="Areas">Residential areas, unique by code.</param>
/// <param name="Parameters">Norms, limits, policy and weights.</param>
public sealed record SimulationInput(
    IReadOnlyList<School> Schools,
    IReadOnlyList<ResidentialArea> Areas,
    SimulationParameters Parameters)
{
    /// <summary>The planner's pins (hard constraints: each holds from its term on). Empty by default.</summary>
    public IReadOnlyList<AreaPin> Pins { get; init; } = [];

    /// <summary>The planner's locked catchments (hard constraints). Empty by default.</summary>
    public IReadOnlyList<SchoolLock> Locks { get; init; } = [];

    /// <summary>
    /// Which areas are neighbours; null when unknown (catchments then count their parts from the union
    /// of their polygons, and contiguity cannot be asked for).
    /// </summary>
    public IReadOnlyList<AreaLink>? Adjacency { get; init; }

    /// <summary>Every problem that makes the input unusable, each naming the field; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate() => InputValidator.Validate(this);
}
