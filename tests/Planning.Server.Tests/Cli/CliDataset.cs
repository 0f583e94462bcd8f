using System.Text.Json.Nodes;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>
/// The dataset the CLI tests import: the committed Baodi data when data/geo holds it,
/// else the tiny dataset written to a temporary folder.
/// </summary>
public sealed class CliDataset : IDisposable
{
    private readonly string? _temporary;

    private CliDataset(string folder, string? temporary)
    {
        Folder = folder;
        _temporary = temporary;
    }

    public string Folder { get; }

    public static CliDataset Create()
    {
        var names = new[] { "district", "admin_areas", "schools", "residential_areas" };
        if (names.All(n => File.Exists(Path.Combine(RepoPaths.DataGeo, n + ".geojson"))))
        {
            return new CliDataset(RepoPaths.DataGeo, null);
        }
        var folder = WriteFolder(new TinyDataset());
        return new CliDataset(folder, folder);
    }

    /// <summary>Writes the four layers of a (possibly broken) tiny dataset to a fresh temporary folder.</summary>
    public static string WriteFolder(TinyDataset data)
    {
        var folder = Directory.CreateTempSubdirectory("planning-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "district.geojson"), data.District.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "admin_areas.geojson"), data.AdminAreas.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "schools.geojson"), data.Schools.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "residential_areas.geojson"), data.ResidentialAreas.ToJsonString());
        return folder;
    }

    /// <summary>The properties of every feature of a layer file.</summary>
    public IReadOnlyList<JsonObject> Features(string layer)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, layer + ".geojson")))!;
        return [.. root["features"]!.AsArray().Select(f => f!["properties"]!.AsObject())];
    }

    public int Count(string layer) => Features(layer).Count;

    /// <summary>Schools of a level ("primary", "junior", "nine_year") and kind in the files.</summary>
    public int SchoolCount(string level, string kind) =>
        Features("schools").Count(s => (string?)s["level"] == level && (string?)s["kind"] == kind);

    public long Enrolment() =>
        Features("schools").Sum(s => s["enrolment"]!.AsArray().Sum(e => (long)e!.GetValue<int>()));

    public void Dispose()
    {
        if (_temporary is not null)
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
