using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Planning.Server.Dataset;

/// <summary>Writes an RFC 7946 FeatureCollection.</summary>
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
        return stream.ToArray();
    }

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);
}
