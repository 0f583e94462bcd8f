using System.Collections;
using System.Text;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Request messages of any planning.v1 method built by protobuf reflection with every field set, and every
/// value taken from issue 15's classes of bad input: unknown enum values; non-finite, negative, fractional and
/// huge numbers; NUL, lone surrogates, look-alike codes and unknown ids in strings; 3D, giant and invalid
/// geometries; garbage bytes. Every field is set (no default left), so no request is a valid one by omission.
/// </summary>
public sealed class HostileMessages(int seed)
{
    private const int MaxDepth = 3;
    private readonly Random _random = new(seed);

    /// <summary>The encoded request for one case: a hostile message, or (one in ten) bytes that are no message at all.</summary>
    public byte[] Next(MessageDescriptor request) =>
        _random.Next(10) == 0 ? NotAMessage() : Fill(request, 0).ToByteArray();

    private IMessage Fill(MessageDescriptor descriptor, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is { } oneof && oneof.Fields[_random.Next(oneof.Fields.Count)] != field)
            {
                continue;
            }
            if (field.FieldType == FieldType.Message && depth >= MaxDepth && !field.IsRepeated)
            {
                continue;
            }
            if (field.IsMap)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = field.FieldType switch
                {
                    FieldType.Message when depth >= MaxDepth => 0,
                    FieldType.Message or FieldType.String or FieldType.Bytes => _random.Next(1, 4),
                    _ => _random.Next(20) == 0 ? 500 : _random.Next(1, 4),
                };
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(field, depth));
                }
                continue;
            }
            field.Accessor.SetValue(message, Value(field, depth));
        }
        return message;
    }

    private object Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.Double => Pick(Doubles),
        FieldType.Float => (float)Pick(Doubles),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(Int32s),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(Int64s),
        FieldType.UInt32 or FieldType.Fixed32 => Pick(UInt32s),
        FieldType.UInt64 or FieldType.Fixed64 => Pick(UInt64s),
        FieldType.Bool => _random.Next(2) == 0,
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, Pick(UnknownEnums(field.EnumType))),
        FieldType.String => Text(field.Name),
        FieldType.Bytes => ByteString.CopyFrom(Bytes()),
        FieldType.Message => Fill(field.MessageType, depth + 1),
        _ => throw new NotSupportedException($"{field.FullName}: {field.FieldType}"),
    };

    private static readonly double[] Doubles =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, -1e-9, -0.0, 0.5, 1e-320, 1e308, double.MaxValue, double.MinValue, 2.5e9];

    private static readonly int[] Int32s = [-1, -7, int.MinValue, int.MaxValue, 1_000_000_000, 99_999];
    private static readonly long[] Int64s = [-1, long.MinValue, long.MaxValue, 1L << 53, -(1L << 40)];
    private static readonly uint[] UInt32s = [uint.MaxValue, 1u << 31, 4_000_000_000];
    private static readonly ulong[] UInt64s = [ulong.MaxValue, 1UL << 63];

    /// <summary>Numbers the enum does not declare: just past its values, negative, extreme.</summary>
    private static int[] UnknownEnums(EnumDescriptor e)
    {
        var known = e.Values.Select(v => v.Number).ToHashSet();
        return new[] { known.Max() + 1, known.Max() + 7, 99, -1, int.MaxValue, int.MinValue }.Where(n => !known.Contains(n)).ToArray();
    }

    private string Text(string field)
    {
        var pool = _random.Next(4) == 0 ? Pick(AllStrings) : field switch
        {
            _ when field.EndsWith("geojson", StringComparison.Ordinal) => Geometries,
            _ when field.EndsWith("id", StringComparison.Ordinal) || field.EndsWith("ids", StringComparison.Ordinal) => Ids,
            _ when field.Contains("code", StringComparison.Ordinal) => LookAlikeCodes,
            _ when field.Contains("term", StringComparison.Ordinal) => Terms,
            _ => Strings,
        };
        return pool == Ids && _random.Next(2) == 0 ? Guid.NewGuid().ToString() : Pick(pool);
    }

    private static readonly string[] Ids =
        ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1", "-1", "' OR 1=1 --", "../../etc/passwd",
         "0000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "run-\0", new string('9', 4096)];

    /// <summary>Codes that look like the tiny dataset's own: zero-width space, Cyrillic В, Unicode hyphen, fullwidth letters, case, padding.</summary>
    private static readonly string[] LookAlikeCodes =
        ["BD-P-00\u200b1", "\u0412D-P-001", "BD\u2010P-001", "\uff22\uff24-P-001", "bd-p-001", " BD-P-001", "BD-P-001\0", "BD-P-\ud800"];

    private static readonly string[] Terms =
        ["2020-Autumn", "autumn 2020", "2020-winter", "1900-autumn", "2100-spring", "2020-autumn\0", "２０２０-autumn", "-2020-autumn", "2020-autumn\ud800"];

    private static readonly string[] Strings =
        ["a\0b", "\0", "\ud800", "x\udfffy", "\t\n", "\u3000", new string('名', 70_000), new string('\0', 1000), "\u202e\u0000名"];

    private static readonly string[] Geometries =
    [
        .. BadGeometry.Area.Array[40].Single(), .. BadGeometry.Point.Array[20].Single(),
        "{\"type\":\"Point\",\"coordinates\":[117.3,39.7,12.5]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.3,39.7,1],[117.31,39.7,1],[117.31,39.71,1],[117.3,39.7,1]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.3,39.7,\"\\ud800\"],[117.31,39.7],[117.31,39.71],[117.3,39.7]]]}",
        GiantPolygon(20_001),
    ];

    private static readonly string[][] AllStrings = [Ids, LookAlikeCodes, Terms, Strings, Geometries];

    /// <summary>A valid ring inside the district with more vertices than a feature may have (FieldRules.MaxFeatureVertices, 20,000).</summary>
    private static string GiantPolygon(int vertices)
    {
        var text = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            text.Append(FormattableString.Invariant($"[{117.3 + 0.01 * Math.Cos(angle):R},{39.7 + 0.01 * Math.Sin(angle):R}],"));
        }
        return text.Append("[117.31,39.7]]]}").ToString();
    }

    /// <summary>Garbage, or GeoJSON-looking text with a lone-surrogate or NUL escape, or 3D coordinates.</summary>
    private byte[] Bytes() => _random.Next(3) switch
    {
        0 => RandomBytes(_random.Next(1, 4096)),
        1 => Encoding.UTF8.GetBytes(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"BD-P-\\ud800\",\"name\":\"a\\u0000b\"}," +
            "\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.3,39.7,5]}}]}"),
        _ => Encoding.UTF8.GetBytes(Pick(Geometries)),
    };

    /// <summary>A tag of field 0 in front of random bytes: no protobuf parser takes it, wherever the bytes lead.</summary>
    private byte[] NotAMessage() => [0x00, .. RandomBytes(_random.Next(0, 300))];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
