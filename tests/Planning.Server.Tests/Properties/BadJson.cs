using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Malformed JSON values, as JSON text. Tokens that are not JSON at all (a bare NaN)
/// travel as a marker string that <see cref="Unwrap"/> turns into the raw token after serialisation.
/// </summary>
public static partial class BadJson
{
    public const int HugeLength = 100_000;

    public static string Str(string s) => JsonSerializer.Serialize(s);

    /// <summary>A token written into the JSON text as is, e.g. NaN.</summary>
    public static string Raw(string token) => Str($"@@raw:{token}@@");

    public static string Unwrap(string json) => RawMarker().Replace(json, "$1");

    /// <summary>A node for the JSON text (null for "null").</summary>
    public static JsonNode? Node(string json) => JsonNode.Parse(json);

    public static readonly Gen<string> Huge = Gen.OneOf(Gen.Const('x'), Gen.Const('校'), Gen.Const('"'))
        .Select(c => Str(new string(c, HugeLength)));

    /// <summary>Not-a-number and infinities: as strings, as bare tokens, and as exponents beyond a double.</summary>
    public static readonly Gen<string> NonFinite = Gen.OneOf(
        Str("NaN"), Str("Infinity"), Str("-Infinity"), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"),
        "1e400", "-1e400", "1e99999");

    /// <summary>Numbers outside WGS84 longitude and latitude alike.</summary>
    public static readonly Gen<string> HugeCoordinate = Gen.OneOf(
        Gen.OneOf("181", "-181", "360", "1e300", "-1e300", "1e18", "-9999.5", "1.7976931348623157e308"),
        Gen.Double[181, 1e12].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    public static readonly Gen<string> WrongTypeForText = Gen.OneOf("42", "true", "false", "{}", "[]", "[\"a\"]", "1.5", "-0");

    public static readonly Gen<string> BadText = Gen.OneOf(
        WrongTypeForText, Gen.OneOf("null", "\"\"", "\"   \"", "\"\\t\\n\""), Huge);

    public static readonly Gen<string> BadTerm = Gen.OneOf(
        Gen.OneOf("\"2020-Autumn\"", "\"autumn 2020\"", "\"2020-winter\"", "\"1900-autumn\"", "\"2100-spring\"",
            "\"2020-autumn \"", "\"2020autumn\"", "\"20-autumn\"", "\"\"", "2020", "2020.5", "true", "{}", "[\"2020-autumn\"]"),
        Huge);

    public static readonly Gen<string> BadCount = Gen.OneOf(
        Gen.OneOf("\"many\"", "\"12\"", "1.5", "-1", "-9007199254740993", "9223372036854775808", "9.3e18", "true", "{}", "[]",
            "[1]", "null"),
        NonFinite,
        Gen.Long[long.MinValue, -1].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static readonly Gen<string> BadBool = Gen.OneOf("\"true\"", "1", "0", "null", "[]", "{}", "\"yes\"", "[true]");

    public static readonly Gen<string> BadTrackCount = Gen.OneOf(
        Gen.OneOf("-1", "41", "1.5", "\"3\"", "null", "2147483648", "true", "[]"), NonFinite, Gen.Int[41, int.MaxValue].Select(n => $"{n}"));

    public static readonly Gen<string> BadAmount = Gen.OneOf(
        Gen.OneOf("-1", "-0.001", "\"12\"", "null", "true", "{}", "[]"), NonFinite,
        Gen.Double[-1e300, -1e-9].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Values that cannot be a grade count: negative, fractional, text, too large, non-finite.</summary>
    public static readonly Gen<string> BadGrade = Gen.OneOf(
        Gen.OneOf("-1", "1.5", "\"3\"", "3000000000", "null", "true", "[]", "{}"), NonFinite);

    /// <summary>Nested arrays and objects of strings, booleans and nulls: never a number where one belongs.</summary>
    public static readonly Gen<string> Garbage = Nested(3);

    private static Gen<string> Nested(int depth)
    {
        var leaf = Gen.OneOf("null", "true", "\"a\"", "{}", "[]", "\"[[117.3,39.7]]\"", "\"\"");
        if (depth == 0)
        {
            return leaf;
        }
        var inner = Nested(depth - 1);
        return Gen.Frequency(
            (2, leaf),
            (2, inner.Array[1, 3].Select(a => "[" + string.Join(",", a) + "]")),
            (1, inner.Select(c => "{\"coordinates\":" + c + "}")));
    }

    [GeneratedRegex("\"@@raw:([^@\"]*)@@\"")]
    private static partial Regex RawMarker();
}
