using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>Student-weighted travel distance (great circle, area point to school gate) in one term.</summary>
/// <param name="Part">The level, or null for all grades.</param>
/// <param name="Students">Students counted (pupils whose area is known).</param>
/// <param name="MeanMetres">Mean distance per student.</param>
/// <param name="MaxMetres">Longest distance any student travels.</param>
public sealed record DistanceStats(SchoolPart? Part, int Students, double MeanMetres, double MaxMetres);
