using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Planning.DataGen.Output;

namespace Planning.DataGen.Tests;

/// <summary>One feature as read back from a written file: its geometry and its properties.</summary>
public sealed record LoadedFeature(Geometry Geometry, JsonElement Properties)
{
    public string Code => Str("code");

    public string Str(string name) => Properties.GetProperty(name).GetString()!;

    public string? StrOrNull(string name) =>
        Properties.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Properties.GetProperty(name).GetString();

    public int Int(string name) => Properties.GetProperty(name).GetInt32();

    public int[]? Ints(string name) =>
        Properties.GetProperty(name).ValueKind == JsonValueKind.Null
            ? null
            : Properties.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
}

/// <summary>The four layers of a dataset folder, parsed independently of the generator's model.</summary>
public sealed class LoadedLayers
{
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();

    private LoadedLayers(string directory)
    {
        District = Read(directory, DatasetWriter.DistrictFile).Single();
        AdminAreas = Read(directory, DatasetWriter.AdminAreasFile);
        Schools = Read(directory, DatasetWriter.SchoolsFile);
        ResidentialAreas = Read(directory, DatasetWriter.ResidentialAreasFile);
    }

    public LoadedFeature District { get; }

    public IReadOnlyList<LoadedFeature> AdminAreas { get; }

    public IReadOnlyList<LoadedFeature> Schools { get; }

    public IReadOnlyList<LoadedFeature> ResidentialAreas { get; }

    public IEnumerable<LoadedFeature> Compounds => ResidentialAreas.Where(r => r.Str("kind") == "compound");

    public IEnumerable<LoadedFeature> Villages => ResidentialAreas.Where(r => r.Str("kind") == "village");

    public IEnumerable<LoadedFeature> Streets => AdminAreas.Where(a => a.Str("kind") == "street");

    public bool IsUrban(LoadedFeature feature) => Streets.Any(s => s.Code == feature.Str("admin_area"));

    public static LoadedLayers Load(string directory) => new(directory);

    private static List<LoadedFeature> Read(string directory, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, file)));
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => new LoadedFeature(
                JsonSerializer.Deserialize<Geometry>(f.GetProperty("geometry").GetRawText(), GeoJsonOptions)!,
                f.GetProperty("properties").Clone()))
            .ToList();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
