namespace Planning.Engine.Inputs;

/// <summary>One thing wrong with a simulation input or a scenario change.</summary>
/// <param name="Field">Where, e.g. <c>schools[P01].tracks</c>.</param>
/// <param name="Description">What is wrong.</param>
public sealed record InputProblem(string Field, string Description);

/// <summary>Thrown when a simulation input or a scenario change cannot be used; lists every problem.</summary>
public sealed class InvalidInputException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidInputException(IReadOnlyList<InputProblem> problems)
        : base("invalid simulation input: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Description}")))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}
