namespace Planning.Engine.Results;

/// <summary>Pupils of one area and grade enrolled at one school in one term.</summary>
/// <param name="AreaCode">Area code, or null for a school's pupils whose area the base data does not tell.</param>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="SchoolCode">The school.</param>
/// <param name="Students">Pupils.</param>
public sealed record Placement(string? AreaCode, int Grade, string SchoolCode, int Students);
