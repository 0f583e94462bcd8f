using NetTopologySuite.Geometries;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>The catchment of one school at one level in one term: the union of its areas.</summary>
/// <param name="SchoolCode">The school.</param>
/// <param name="Part">Primary or junior.</param>
/// <param name="AreaCodes">Areas assigned to the school, in input order.</param>
/// <param name="Boundary">Union of the areas' polygons (SRID 4326), or null when none has a polygon.</param>
/// <param name="Parts">Polygons in the union: more than 1 means the catchment is not contiguous (enclaves).</param>
/// <param name="AreasWithoutBoundary">Assigned areas that have no polygon and are missing from the union.</param>
public sealed record Catchment(
    string SchoolCode,
    SchoolPart Part,
    IReadOnlyList<string> AreaCodes,
    Geometry? Boundary,
    int Parts,
    int AreasWithoutBoundary);
