namespace Planning.Engine.Spatial;

/// <summary>
/// Two residential areas that are neighbours: they share a boundary, or face each other across a road
/// (the server computes the pairs with PostGIS when data is imported; see docs/dataset-format.md).
/// Order does not matter.
/// </summary>
/// <param name="AreaA">One area's code.</param>
/// <param name="AreaB">The other's.</param>
public readonly record struct AreaLink(string AreaA, string AreaB);
