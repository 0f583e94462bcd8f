using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Planning.DataGen.Output;

/// <summary>
/// A GeoJSON FeatureCollection with one feature per line (so that diffs stay readable), written
/// by hand with Utf8JsonWriter: fixed property order, Chinese written as UTF-8, coordinates with
/// 6 decimals, rings counter-clockwise outside and clockwise inside (RFC 7946), LF line ends.
/// </summary>
public static class GeoJsonLayerWriter
{
    public const int CoordinateDecimals = 6;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] Write<T>(IEnumerable<T> items, Func<T, Geometry> geometry, Action<Utf8JsonWriter, T> properties)
    {
        using var stream = new MemoryStream();
        stream.Write("{\"type\":\"FeatureCollection\",\"features\":[\n"u8);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                stream.Write(",\n"u8);
            }

            first = false;
            using (var writer = new Utf8JsonWriter(stream, Options))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WritePropertyName("properties");
                writer.WriteStartObject();
                properties(writer, item);
                writer.WriteEndObject();
                writer.WritePropertyName("geometry");
                WriteGeometry(writer, geometry(item));
                writer.WriteEndObject();
            }
        }

        stream.Write("\n]}\n"u8);
        return stream.ToArray();
    }

    public static void WriteNumber(Utf8JsonWriter writer, string name, double value, int decimals)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(FixedDecimal.Format(value, decimals));
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        writer.WriteStartObject();
        switch (geometry)
        {
            case Point point:
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                WritePosition(writer, point.Coordinate);
                break;
            case Polygon polygon:
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygon(writer, polygon);
                break;
            case MultiPolygon multi:
                writer.WriteString("type", "MultiPolygon");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                foreach (var polygon in multi.Geometries.Cast<Polygon>())
                {
                    WritePolygon(writer, polygon);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"cannot write a {geometry.GeometryType}");
        }

        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.Shell.Coordinates, counterClockwise: true);
        foreach (var hole in polygon.Holes)
        {
            WriteRing(writer, hole.Coordinates, counterClockwise: false);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, Coordinate[] ring, bool counterClockwise)
    {
        var ordered = Orientation.IsCCW(ring) == counterClockwise ? ring : ring.Reverse().ToArray();
        writer.WriteStartArray();
        foreach (var c in ordered)
        {
            WritePosition(writer, c);
        }

        writer.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter writer, Coordinate c)
    {
        writer.WriteStartArray();
        writer.WriteRawValue(FixedDecimal.Format(c.X, CoordinateDecimals));
        writer.WriteRawValue(FixedDecimal.Format(c.Y, CoordinateDecimals));
        writer.WriteEndArray();
    }
}
