using NetTopologySuite.Geometries;

namespace Planning.Reports;

/// <summary>How a school is drawn: over its limits first, then new, expanded, else within limits.</summary>
public enum SchoolStatus
{
    WithinLimits,
    OverLimits,
    New,
    Expanded,
}

/// <summary>A school symbol: sized by <paramref name="Students"/> of the mapped part, coloured by status.</summary>
public sealed record MapSchool(string Code, string Name, double Lon, double Lat, int Students, int Limit, SchoolStatus Status);

/// <summary>The area served by one school.</summary>
public sealed record MapCatchment(string SchoolCode, Geometry Area);

/// <summary>One map drawing: a part of a scene in a view.</summary>
/// <param name="View">The part of the world drawn (lon/lat degrees).</param>
/// <param name="Inset">The crowded urban streets, drawn again larger beside the map; null for none.</param>
/// <param name="SizeLimit">The school size limit in force, which symbols and the size legend are scaled to.</param>
/// <param name="Credits">Credit lines printed in the map's corner.</param>
public sealed record MapData(
    string Title,
    string Subtitle,
    Geometry District,
    IReadOnlyList<MapAdminArea> AdminAreas,
    IReadOnlyList<MapCatchment> Catchments,
    IReadOnlyList<MapSchool> Schools,
    Envelope View,
    Envelope? Inset,
    int SizeLimit,
    IReadOnlyList<string> Credits);
