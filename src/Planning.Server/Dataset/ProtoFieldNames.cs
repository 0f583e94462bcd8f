namespace Planning.Server.Dataset;

/// <summary>
/// The validator names fields as the GeoJSON format does ("schools[3].admin_area");
/// a gRPC message names some of them differently. This renames a violation's
/// field path for a school or area that came in a message at <c>path</c>.
/// </summary>
public static class ProtoFieldNames
{
    /// <summary>"schools[i].admin_area" → "{path}.admin_area_code", tracks → capacity, geometry → lon.</summary>
    public static string School(string validatorField, string path) =>
        path + Rest(validatorField)
            .Replace(".admin_area", ".admin_area_code", StringComparison.Ordinal)
            .Replace(".tracks", ".capacity", StringComparison.Ordinal)
            .Replace(".geometry", ".lon", StringComparison.Ordinal);

    /// <summary>"residential_areas[i].school_primary" → "{path}.school_primary_code", geometry → geometry_geojson.</summary>
    public static string Area(string validatorField, string path) =>
        path + Rest(validatorField)
            .Replace(".admin_area", ".admin_area_code", StringComparison.Ordinal)
            .Replace(".school_primary", ".school_primary_code", StringComparison.Ordinal)
            .Replace(".school_junior", ".school_junior_code", StringComparison.Ordinal)
            .Replace(".geometry", ".geometry_geojson", StringComparison.Ordinal);

    /// <summary>The index of the feature a validator field names ("schools[3].x" → 3), or -1.</summary>
    public static int Index(string validatorField)
    {
        var open = validatorField.IndexOf('[', StringComparison.Ordinal);
        var close = validatorField.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(validatorField.AsSpan(open + 1, close - open - 1), out var i) ? i : -1;
    }

    private static string Rest(string validatorField)
    {
        var close = validatorField.IndexOf(']', StringComparison.Ordinal);
        return close < 0 ? "" : validatorField[(close + 1)..];
    }
}
