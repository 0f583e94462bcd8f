using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Dataset;

/// <summary>An export written to a temporary file (deleted when closed), ready to be streamed in chunks.</summary>
public sealed record ExportFile(Stream Content, string FileName, string ContentType, int FeatureCount) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Export files built at once over every caller (Limits:MaxConcurrentExports); more wait their turn.</summary>
public sealed class ExportGate(ServerLimits limits) : Gate(limits.MaxConcurrentExports);

/// <summary>
/// Builds an export on disk, not in memory: a caller who stops reading then holds a file and a chunk,
/// never the whole export (300 GeoPackage exports opened and not read once held 1.75 GB).
/// </summary>
public sealed class ExportFiles(LayerExporter layers, ICatchmentLayer catchments, ExportGate gate)
{
    public async Task<ExportFile> BuildAsync(string layer, V1.ExportLayerRequest request, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(ct);
        var features = layer == LayerNames.Catchments
            ? await catchments.LoadAsync(request.RunId, request.Term, request.Part, ct)
            : await layers.LoadAsync(layer, ct);
        var path = Path.Combine(Path.GetTempPath(), $"planning-export-{Guid.NewGuid():N}");
        try
        {
            string contentType, extension;
            if (request.Format == V1.ExportFormat.Geopackage)
            {
                await GeoPackageFile.WriteAsync(layer, features, path, ct);
                (contentType, extension) = (GeoPackageFile.ContentType, "gpkg");
            }
            else
            {
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    GeoJsonFile.Write(file, features);
                }
                (contentType, extension) = (GeoJsonFile.ContentType, "geojson");
            }
            var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return new ExportFile(content, $"{layer}.{extension}", contentType, features.Count);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
