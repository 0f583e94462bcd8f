using System.Globalization;
using CsCheck;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Broken GeoJSON geometry objects, as JSON text, placed inside the tiny dataset's district
/// (117.2–117.4 E, 39.6–39.8 N) so that nothing but the breakage is wrong.
/// </summary>
public static class BadGeometry
{
    private static readonly Gen<(double X, double Y)> Inside = Gen.Select(Gen.Double[117.22, 117.36], Gen.Double[39.62, 39.76]);

    private static readonly Gen<double> Size = Gen.Double[0.001, 0.02];

    private static string P(double x, double y) =>
        $"[{x.ToString("R", CultureInfo.InvariantCulture)},{y.ToString("R", CultureInfo.InvariantCulture)}]";

    private static string Polygon(params string[] positions) =>
        $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", positions)}]]}}";

    private static string[] Square(double x, double y, double d) => [P(x, y), P(x + d, y), P(x + d, y + d), P(x, y + d), P(x, y)];

    private static string Ring(double x, double y, double d) => string.Join(",", Square(x, y, d));

    private static string PointWith(string bad, bool inLongitude) =>
        $"{{\"type\":\"Point\",\"coordinates\":[{(inLongitude ? bad : "117.3")},{(inLongitude ? "39.7" : bad)}]}}";

    /// <summary>A square whose i-th number (of its ten) is replaced by a bad value.</summary>
    private static Gen<string> SquareWith(Gen<string> badNumber) => Gen.Select(Inside, Size, Gen.Int[0, 9], badNumber, (p, d, i, bad) =>
    {
        var numbers = Square(p.X, p.Y, d).SelectMany(s => s.Trim('[', ']').Split(',')).ToArray();
        numbers[i] = bad;
        return Polygon([.. numbers.Chunk(2).Select(c => $"[{c[0]},{c[1]}]")]);
    });

    /// <summary>A Polygon or MultiPolygon that is no valid area geometry.</summary>
    public static readonly Gen<string> Area = Gen.OneOf(
        Gen.Select(Inside, Size, Gen.Bool, (p, d, closed) => closed // too few points
            ? Polygon(P(p.X, p.Y), P(p.X + d, p.Y), P(p.X, p.Y))
            : Polygon(P(p.X, p.Y), P(p.X + d, p.Y))),
        Gen.Select(Inside, Size, (p, d) => Polygon(Square(p.X, p.Y, d)[..4])), // ring not closed
        Gen.Select(Inside, Size, (p, d) => // bow-tie: self-intersecting
            Polygon(P(p.X, p.Y), P(p.X + d, p.Y + d), P(p.X + d, p.Y), P(p.X, p.Y + d), P(p.X, p.Y))),
        Gen.Select(Inside, Size, (p, d) => Polygon(P(p.X, p.Y), P(p.X + d, p.Y), P(p.X + 2 * d, p.Y), P(p.X, p.Y))), // no area
        Inside.Select(p => Polygon(P(p.X, p.Y), P(p.X, p.Y), P(p.X, p.Y), P(p.X, p.Y))), // one point four times
        Gen.OneOf( // empty, typeless, wrong type, coordinates as text, not an object
            "{\"type\":\"Polygon\",\"coordinates\":[]}", "{\"type\":\"Polygon\",\"coordinates\":[[]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[]]]}", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
            "{\"type\":\"Polygon\"}", "{\"coordinates\":[[[117.3,39.7],[117.31,39.7],[117.31,39.71],[117.3,39.7]]]}",
            "{\"type\":\"Circle\",\"coordinates\":[117.3,39.7],\"radius\":100}", "{\"type\":42,\"coordinates\":[]}",
            "{\"type\":\"Point\",\"coordinates\":[117.3,39.7]}",
            "{\"type\":\"LineString\",\"coordinates\":[[117.3,39.7],[117.31,39.71]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[\"117.3\",\"39.7\"],[\"117.31\",\"39.7\"],[\"117.31\",\"39.71\"],[\"117.3\",\"39.7\"]]]}",
            "\"POLYGON((117.3 39.7,117.31 39.7,117.31 39.71,117.3 39.7))\"", "42", "[]", "true", "null"),
        BadJson.Garbage.Select(g => $"{{\"type\":\"Polygon\",\"coordinates\":{g}}}"),
        SquareWith(BadJson.NonFinite),
        SquareWith(BadJson.HugeCoordinate),
        Gen.Select(Inside, Size, (p, d) => // two overlapping parts
            $"{{\"type\":\"MultiPolygon\",\"coordinates\":[[[{Ring(p.X, p.Y, d)}]],[[{Ring(p.X + d / 2, p.Y + d / 2, d)}]]]}}"),
        Gen.Select(Inside, Size, (p, d) => // a hole outside its shell
            $"{{\"type\":\"Polygon\",\"coordinates\":[[{Ring(p.X, p.Y, d)}],[{Ring(p.X + 2 * d, p.Y, d / 2)}]]}}"),
        Gen.Select(Gen.Double[-10, 10], Gen.Double[-10, 10], Size, (x, y, d) => Polygon(Square(x, y, d)))); // far outside

    /// <summary>Anything but a Point inside the district.</summary>
    public static readonly Gen<string> Point = Gen.OneOf(
        Gen.OneOf(
            "{\"type\":\"Point\",\"coordinates\":[]}", "{\"type\":\"Point\",\"coordinates\":[117.3]}",
            "{\"type\":\"Point\",\"coordinates\":\"117.3,39.7\"}", "{\"type\":\"Point\",\"coordinates\":{\"x\":117.3,\"y\":39.7}}",
            "{\"type\":\"Point\",\"coordinates\":[\"117.3\",\"39.7\"]}", "{\"type\":\"Point\",\"coordinates\":null}",
            "{\"type\":\"Point\"}", "{\"type\":\"Circle\",\"coordinates\":[117.3,39.7]}",
            "{\"type\":\"LineString\",\"coordinates\":[[117.3,39.7],[117.31,39.71]]}", "{\"type\":\"Point\",\"coordinates\":[39.7,117.3]}",
            "{\"type\":\"Point\",\"coordinates\":[0,0]}", "{\"type\":\"Point\",\"coordinates\":[-117.3,-39.7]}",
            "\"POINT(117.3 39.7)\"", "42", "[117.3,39.7]", "null"),
        BadJson.Garbage.Select(g => $"{{\"type\":\"Point\",\"coordinates\":{g}}}"),
        Gen.Select(BadJson.NonFinite, Gen.Bool, PointWith),
        Gen.Select(BadJson.HugeCoordinate, Gen.Bool, PointWith),
        Gen.Select(Inside, Size, (p, d) => Polygon(Square(p.X, p.Y, d))));
}
