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
    /// <summary>Every problem that makes the input unusable, each naming the field; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate() => InputValidator.Validate(this);
}
