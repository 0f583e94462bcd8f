using Planning.Engine.Simulation;

namespace Planning.Engine.Results;

/// <summary>A finished simulation.</summary>
/// <param name="Mode">Redistributed, or every area kept at its school ("before").</param>
/// <param name="Terms">One result per term, in order.</param>
/// <param name="Notes">What the simulation had to assume about the input (e.g. pupils whose area is unknown).</param>
public sealed record SimulationResult(RunMode Mode, IReadOnlyList<TermResult> Terms, IReadOnlyList<string> Notes);
