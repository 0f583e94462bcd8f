using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Planning.Cli.Maps;

/// <summary>Reads GeoJSON geometries and feature collections (RFC 7946) with NetTopologySuite.</summary>
public static class GeoJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A geometry from a GeoJSON geometry, Feature or FeatureCollection (the union of its features' geometries).</summary>
    public static Geometry ReadGeometry(string json)
    {
        using var document = JsonDocument.Parse(json);
        var type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "Feature" => JsonSerializer.Deserialize<IFeature>(json, Options)?.Geometry ?? throw Empty(),
            "FeatureCollection" => Combine(ReadFeatures(json).Select(f => f.Geometry)),
            _ => JsonSerializer.Deserialize<Geometry>(json, Options) ?? throw Empty(),
        };
    }

    public static IReadOnlyList<IFeature> ReadFeatures(string json) =>
        [.. JsonSerializer.Deserialize<FeatureCollection>(json, Options) ?? []];

    /// <summary>The union of polygons; when the overlay fails on bad topology, the pieces as a collection.</summary>
    public static Geometry Combine(IEnumerable<Geometry> parts)
    {
        var list = parts.Where(p => p is { IsEmpty: false }).ToList();
        if (list.Count == 0)
        {
            return GeometryFactory.Default.CreateGeometryCollection();
        }
        try
        {
            return NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(list.SelectMany(Polygons).ToList()) ?? list[0];
        }
        catch (TopologyException)
        {
            return GeometryFactory.Default.BuildGeometry(list);
        }
    }

    private static IEnumerable<Geometry> Polygons(Geometry geometry) =>
        geometry is GeometryCollection collection ? collection.Geometries.SelectMany(Polygons)
        : geometry is Polygon ? [geometry] : [];

    private static JsonException Empty() => new("the GeoJSON holds no geometry");
}
