namespace Planning.Client.Api;

/// <summary>The district (区).</summary>
/// <param name="GeometryGeoJson">Outline as a GeoJSON geometry; empty unless requested.</param>
/// <param name="Synthetic">The dataset declares itself partly synthetic (not data about real schools and places).</param>
/// <param name="Credits">The dataset's sources and licences, one credit line each.</param>
public sealed record District(
    string Code, string Name, long Population, double AreaKm2, string GeometryGeoJson, bool Synthetic = false, IReadOnlyList<string>? Credits = null)
{
    public IReadOnlyList<string> Credits { get; init; } = Credits ?? [];
}

/// <summary>A street (街道) or town (镇).</summary>
/// <param name="Approximate">True when the boundary is approximated rather than surveyed.</param>
/// <param name="GeometryGeoJson">Boundary as a GeoJSON geometry; empty unless requested.</param>
public sealed record AdminArea(
    long Id, string Code, string Name, AdminAreaKind Kind, long Population, bool Approximate, string GeometryGeoJson);

/// <summary>A rectangle in WGS84 degrees, longitude first.</summary>
public sealed record BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>Parses "minLon,minLat,maxLon,maxLat"; null with a reason when the text is not a valid box.</summary>
    public static BoundingBox? TryParse(string text, out string? error)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            error = $"'{text}' is not minLon,minLat,maxLon,maxLat (four numbers separated by commas)";
            return null;
        }
        var box = new BoundingBox(values[0], values[1], values[2], values[3]);
        error = box switch
        {
            { MinLon: < -180 or > 180 } or { MaxLon: < -180 or > 180 } => "longitudes must lie in -180..180",
            { MinLat: < -90 or > 90 } or { MaxLat: < -90 or > 90 } => "latitudes must lie in -90..90",
            _ when box.MinLon >= box.MaxLon => "minLon must be less than maxLon",
            _ when box.MinLat >= box.MaxLat => "minLat must be less than maxLat",
            _ => null,
        };
        return error is null ? box : null;
    }

    public double Width => MaxLon - MinLon;

    public double Height => MaxLat - MinLat;
}

/// <summary>One page of a list call.</summary>
/// <param name="NextPageToken">Token for the next page; empty on the last page.</param>
/// <param name="TotalCount">Items matching the filter over all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalCount);

/// <summary>Which page of a list to fetch.</summary>
/// <param name="Size">1–1000; 0 means the server's default (100).</param>
public sealed record PageRequest(int Size = 0, string Token = "")
{
    public static PageRequest First { get; } = new();
}
