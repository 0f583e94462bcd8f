using NetTopologySuite.Geometries;

namespace Planning.Cli.Maps;

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

/// <summary>The area served by one school (union of its residential areas, or the run's catchment polygon).</summary>
public sealed record MapCatchment(string SchoolCode, Geometry Area);

/// <summary>A named street or town.</summary>
public sealed record MapAdminArea(string Name, Geometry Area);

/// <summary>A table of the PDF report.</summary>
/// <param name="Note">Shown instead of, or under, the rows (e.g. why the assessment is missing).</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>Everything one map (and its report) shows.</summary>
/// <param name="View">The part of the world drawn (lon/lat degrees).</param>
/// <param name="SizeLimit">The school size limit in force (Rules), which symbols and the size legend are scaled to.</param>
public sealed record MapData(
    string Title,
    string Subtitle,
    Geometry District,
    IReadOnlyList<MapAdminArea> AdminAreas,
    IReadOnlyList<MapCatchment> Catchments,
    IReadOnlyList<MapSchool> Schools,
    Envelope View,
    IReadOnlyList<ReportTable> Report,
    int SizeLimit)
{
    /// <summary>Every text the map draws, for the font check.</summary>
    public IEnumerable<string> Texts() =>
        [Title, Subtitle, .. AdminAreas.Select(a => a.Name), .. Schools.Select(s => s.Name), .. MapLegend.Texts(SizeLimit),
            .. Report.SelectMany(t => t.Rows.SelectMany(r => r)), .. Report.Select(t => t.Title)];
}
