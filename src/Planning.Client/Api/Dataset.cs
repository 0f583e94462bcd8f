namespace Planning.Client.Api;

/// <summary>One GeoJSON layer to upload.</summary>
/// <param name="Open">Opens the layer's bytes; called once, the stream is disposed after upload.</param>
public sealed record ImportLayer(Layer Layer, Func<Stream> Open)
{
    /// <summary>A layer read from a file.</summary>
    public static ImportLayer FromFile(Layer layer, string path) => new(layer, () => File.OpenRead(path));

    /// <summary>A layer held in memory.</summary>
    public static ImportLayer FromBytes(Layer layer, byte[] bytes) => new(layer, () => new MemoryStream(bytes, writable: false));
}

/// <summary>Rows written per layer by an import.</summary>
/// <param name="Unchanged">True when a replace-import sent exactly the files already loaded.</param>
public sealed record ImportResult(int Districts, int AdminAreas, int Schools, int ResidentialAreas, bool Unchanged);

/// <summary>Which catchments to export: a run, a term and a part.</summary>
public sealed record CatchmentSelection(string RunId, string Term, SchoolPart Part);

/// <summary>What an export wrote.</summary>
/// <param name="FileName">The server's suggested file name, e.g. "schools.gpkg".</param>
public sealed record ExportedFile(string FileName, string ContentType, int FeatureCount, long Bytes);
