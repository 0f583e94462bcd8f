namespace Planning.Engine.Comparison;

/// <summary>Pupils at one school in the first run and at another in the second, in one term.</summary>
/// <param name="FromSchool">School in the first run, or null for pupils only the second run has.</param>
/// <param name="ToSchool">School in the second run, or null for pupils only the first run has.</param>
/// <param name="Students">Pupils.</param>
public sealed record StudentFlow(string? FromSchool, string? ToSchool, int Students);
