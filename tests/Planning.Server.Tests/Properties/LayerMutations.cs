using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>Mutations of a whole layer: its FeatureCollection structure (Order 1) or its bytes (Order 2).</summary>
public static class LayerMutations
{
    private static readonly Gen<LayerInfo> AnyLayer = Gen.OneOf(LayerInfo.All);

    private static readonly Gen<string> NotAnArray = Gen.OneOf("{}", "\"x\"", "null", "42", "true", "\"[]\"");

    private static Mutation Structure(string description, Action<JsonObject> change, LayerInfo layer) =>
        new($"{layer.Name}: {description}", 1, Json: d => change(layer.Get(d)));

    public static readonly Gen<Mutation> Collection = AnyLayer.SelectMany(layer => Gen.OneOf(
        Gen.OneOf("\"Feature\"", "\"featurecollection\"", "\"FeatureCollection \"", "42", "null", "")
            .Select(t => Structure($"type = {(t.Length == 0 ? "missing" : t)}", c => Set(c, "type", t), layer)),
        Gen.OneOf(NotAnArray, Gen.Const(""))
            .Select(f => Structure($"features = {(f.Length == 0 ? "missing" : f)}", c => Set(c, "features", f), layer)),
        Gen.Select(Gen.Int[0, layer.Count - 1], Gen.OneOf("\"x\"", "1", "null", "[]", "true"), (i, f) =>
            Structure($"features[{i}] = {f}", c => SetFeature(c, i, f), layer)),
        Gen.Select(Gen.Int[0, layer.Count - 1], Gen.OneOf("", "null", "\"x\"", "[]", "1", "[{\"code\":\"1\"}]"), (i, p) =>
            Structure($"features[{i}].properties = {(p.Length == 0 ? "missing" : p)}",
                c => SetProperties(c, i, p), layer)),
        Gen.OneOf("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32650\"}}",
                "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}", "5", "{}", "\"EPSG:4490\"")
            .Select(crs => Structure($"crs = {crs}", c => Set(c, "crs", crs), layer))));

    private static void Set(JsonObject owner, string key, string json)
    {
        if (json.Length == 0)
        {
            owner.Remove(key);
        }
        else
        {
            owner[key] = BadJson.Node(json);
        }
    }

    private static void SetFeature(JsonObject collection, int index, string json)
    {
        if (collection["features"] is JsonArray features && index < features.Count)
        {
            features[index] = BadJson.Node(json);
        }
    }

    private static void SetProperties(JsonObject collection, int index, string json)
    {
        if (collection["features"] is JsonArray features && index < features.Count && features[index] is JsonObject feature)
        {
            Set(feature, "properties", json);
        }
    }

    private static Mutation OnBytes(LayerInfo layer, string description, Func<byte[], byte[]> change) =>
        new($"{layer.Name} bytes: {description}", 2, Bytes: layers =>
        {
            foreach (var l in layers.Where(l => l.Layer == LayerOf(layer)))
            {
                l.Bytes = change(l.Bytes);
            }
        });

    public static Layer LayerOf(LayerInfo layer) => layer.Name switch
    {
        "district" => Layer.District,
        "admin_areas" => Layer.AdminAreas,
        "schools" => Layer.Schools,
        _ => Layer.ResidentialAreas,
    };

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Splice(byte[] bytes, string marker, byte[] insert)
    {
        var at = Encoding.UTF8.GetString(bytes).IndexOf(marker, StringComparison.Ordinal);
        var offset = at < 0 ? 1 : Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes)[..at]) + marker.Length;
        return [.. bytes[..offset], .. insert, .. bytes[offset..]];
    }

    public static readonly Gen<Mutation> Bytes = AnyLayer.SelectMany(layer => Gen.Frequency(
        (3, Gen.Byte.Array[1, 600].Select(random => OnBytes(layer, $"{random.Length} random bytes", _ => random))),
        (3, Gen.Double[0, 1].Select(f => OnBytes(layer, $"truncated at {f:P0}", b => b.Length < 2 ? b : b[..Math.Clamp((int)(b.Length * f), 1, b.Length - 1)]))),
        (2, Gen.OneOf<byte[]>([0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80])
            .Select(bad => OnBytes(layer, $"invalid UTF-8 {Convert.ToHexString(bad)} in a name", b => Splice(b, "\"name\":\"", bad)))),
        (2, Gen.OneOf("{}", "null", "[]", "\"\"", " ", "0", "{\"type\":\"FeatureCollection\"}", "[{\"type\":\"FeatureCollection\",\"features\":[]}]")
            .Select(doc => OnBytes(layer, $"replaced by {doc}", _ => Utf8(doc)))),
        (1, Gen.Const(OnBytes(layer, "sent twice", b => [.. b, .. b]))),
        (1, Gen.OneOf("}", ",", "]", "x", "{\"type\":1}").Select(tail => OnBytes(layer, $"trailing {tail}", b => [.. b, .. Utf8(tail)]))),
        (1, Gen.Int[65, 100_000].Select(n => OnBytes(layer, $"nested {n} deep", _ => Utf8(new string('[', n) + new string(']', n))))),
        (3, Gen.Const(new Mutation($"{layer.Name} layer not sent", 2, Bytes: layers => layers.RemoveAll(l => l.Layer == LayerOf(layer))))),
        (2, Gen.OneOf(Layer.Unspecified, Layer.Catchments, (Layer)99, (Layer)(-1)).Select(wrong =>
            new Mutation($"{layer.Name} sent as layer {wrong}", 2, Bytes: layers =>
            {
                foreach (var l in layers.Where(l => l.Layer == LayerOf(layer)))
                {
                    l.Layer = wrong;
                }
            }))),
        (1, Gen.Const(new Mutation($"{layer.Name} followed by one message of 16 MiB + 1 byte", 2,
            Bytes: layers => layers.Add(new LayerBytes(LayerOf(layer), new byte[(16 * 1024 * 1024) + 1]) { OneMessage = true }),
            Oversized: true)))));
}
