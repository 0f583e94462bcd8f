using System.Text.Json.Nodes;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Planning.Server.Common;

/// <summary>A feature ready to be written to a file: geometry plus properties in format order.</summary>
public sealed record ExportFeature(Geometry Geometry, JsonObject Properties);

/// <summary>Writes RFC 7946 GeoJSON: feature collections and single geometries.</summary>
public static class GeoJsonFile
{
    public const string ContentType = "application/geo+json";

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(IEnumerable<ExportFeature> features)
    {
        using var stream = new MemoryStream();
        Write(stream, features);
        return stream.ToArray();
    }

    /// <summary>Writes a feature collection to <paramref name="stream"/> as it goes, without holding the text.</summary>
    public static void Write(Stream stream, IEnumerable<ExportFeature> features)
    {
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var feature in features)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WritePropertyName("geometry");
                JsonSerializer.Serialize(writer, feature.Geometry, Options);
                writer.WritePropertyName("properties");
                feature.Properties.WriteTo(writer, Options);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>One GeoJSON Feature object.</summary>
    public static JsonObject Feature(ExportFeature feature) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = JsonNode.Parse(Write(feature.Geometry)),
        ["properties"] = feature.Properties.DeepClone(),
    };

    /// <summary>A one-part MultiPolygon is written as the Polygon it came in as.</summary>
    public static Geometry Simplest(MultiPolygon geometry) =>
        geometry.NumGeometries == 1 ? geometry.GetGeometryN(0) : geometry;
}
