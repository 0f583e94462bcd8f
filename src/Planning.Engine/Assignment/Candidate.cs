namespace Planning.Engine.Assignment;

/// <summary>A school an area may be assigned to.</summary>
/// <param name="School">School index.</param>
/// <param name="DistanceMetres">Distance from the area's point, whole metres.</param>
/// <param name="IsCurrentCatchment">True when the area was assigned to this school last term.</param>
internal readonly record struct Candidate(int School, long DistanceMetres, bool IsCurrentCatchment);
