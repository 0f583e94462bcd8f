namespace Planning.Client.Api;

/// <summary>The dataset's files: a layer per file, named after the layer (docs/dataset-format.md).</summary>
public static class DatasetFiles
{
    /// <summary>File name of each importable layer, in upload order.</summary>
    public static IReadOnlyList<(Layer Layer, string FileName)> Names { get; } =
    [
        (Layer.District, "district.geojson"),
        (Layer.AdminAreas, "admin_areas.geojson"),
        (Layer.Schools, "schools.geojson"),
        (Layer.ResidentialAreas, "residential_areas.geojson"),
    ];

    /// <summary>The layer a file holds, from its name ("schools.geojson" → Schools); null when the name is not a layer's.</summary>
    public static Layer? LayerOf(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant().Replace('-', '_');
        return Names.Where(n => Path.GetFileNameWithoutExtension(n.FileName) == stem).Select(n => (Layer?)n.Layer).FirstOrDefault();
    }

    /// <summary>The layer files found in a folder, or the one file given; throws when nothing matches.</summary>
    public static IReadOnlyList<(Layer Layer, string Path)> Find(string folderOrFile)
    {
        if (File.Exists(folderOrFile))
        {
            return LayerOf(folderOrFile) is { } layer
                ? [(layer, folderOrFile)]
                : throw new ArgumentException(
                    $"cannot tell the layer of '{Path.GetFileName(folderOrFile)}': name it one of {string.Join(", ", Names.Select(n => n.FileName))}");
        }
        if (!Directory.Exists(folderOrFile))
        {
            throw new FileNotFoundException($"no such file or folder: {folderOrFile}", folderOrFile);
        }
        var found = Names.Select(n => (n.Layer, Path: System.IO.Path.Combine(folderOrFile, n.FileName)))
            .Where(n => File.Exists(n.Path)).ToList();
        return found.Count > 0
            ? found
            : throw new ArgumentException(
                $"'{folderOrFile}' holds none of {string.Join(", ", Names.Select(n => n.FileName))}");
    }
}
