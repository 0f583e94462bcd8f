using System.Text.Json;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>Residential areas read from a GeoJSON file in the dataset format (docs/dataset-format.md).</summary>
internal static class AreaFeatures
{
    public static IReadOnlyList<ResidentialArea> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var features = root.TryGetProperty("type", out var type) && type.GetString() == "FeatureCollection"
            ? root.GetProperty("features").EnumerateArray().ToList()
            : [root];
        return [.. features.Select((f, i) => ToArea(f, $"feature {i}"))];
    }

    private static ResidentialArea ToArea(JsonElement feature, string where)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || !feature.TryGetProperty("properties", out var p))
        {
            throw new FormatException($"{where}: a GeoJSON Feature needs geometry and properties");
        }
        string Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        int Whole(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        var kindText = Text("kind");
        if (!Names.AreaKinds.TryGetValue(kindText, out var kind))
        {
            throw new FormatException($"{where}: kind must be compound or village, not '{kindText}'");
        }
        return new ResidentialArea(
            0, Text("code"), Text("name"), kind, Text("admin_area"), geometry.GetRawText(), Whole("population"), Whole("households"),
            Text("occupied_from"), Numbers(p, "occupancy_ramp", e => e.GetDouble()), Numbers(p, "students", e => e.GetInt32()),
            Text("school_primary"), Text("school_junior"), 0, 0, 0);
    }

    private static IReadOnlyList<T> Numbers<T>(JsonElement properties, string name, Func<JsonElement, T> read) =>
        properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(read)] : [];
}
