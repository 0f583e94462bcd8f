using NetTopologySuite.Geometries;
using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>The catchment of one school at one level in one term: the union of its areas.</summary>
/// <param name="SchoolCode">The school.</param>
/// <param name="Part">Primary or junior.</param>
/// <param name="AreaCodes">Areas assigned to the school, in input order.</param>
/// <param name="Boundary">Union of the areas' polygons (SRID 4326), or null when none has a polygon.</param>
/// <param name="Parts">
/// Separate pieces of the catchment: more than 1 means it is not contiguous (enclaves). With the areas'
/// adjacency known, pieces of neighbouring areas, the school's own site counting as inside (so a piece
/// that borders the area of the site is connected through it); without, the polygons of the union.
/// </param>
/// <param name="AreasWithoutBoundary">Assigned areas that have no polygon and are missing from the union.</param>
public sealed record Catchment(
    string SchoolCode,
    SchoolPart Part,
    IReadOnlyList<string> AreaCodes,
    Geometry? Boundary,
    int Parts,
    int AreasWithoutBoundary)
{
    /// <summary>
    /// The pieces cut off from the main one (the piece with the school's site, else the one with the most
    /// areas), from the adjacency; empty when the catchment is contiguous or the adjacency is unknown.
    /// </summary>
    public IReadOnlyList<Enclave> Enclaves { get; init; } = [];
}

/// <summary>A piece of a catchment cut off from the rest.</summary>
/// <param name="AreaCodes">Its areas, in input order.</param>
/// <param name="Reason">Why it remains, when contiguous catchments were asked for; otherwise null.</param>
public sealed record Enclave(IReadOnlyList<string> AreaCodes, string? Reason);
