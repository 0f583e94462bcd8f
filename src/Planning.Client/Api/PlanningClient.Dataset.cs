using Google.Protobuf;
using Grpc.Core;
using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>Size of the pieces a layer is streamed in.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Uploads GeoJSON layers in 64 KiB chunks. The server validates the upload as a whole
    /// and writes it in one transaction; on any error nothing is written and the call fails
    /// with INVALID_ARGUMENT naming every violation. <paramref name="sent"/> reports bytes sent so far.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        IEnumerable<ImportLayer> layers, ImportMode mode = ImportMode.Replace, IProgress<long>? sent = null,
        CancellationToken ct = default)
    {
        using var call = _dataset.ImportDataset(StreamOptions(ct));
        try
        {
            var first = true;
            long total = 0;
            var buffer = new byte[ChunkBytes];
            foreach (var layer in layers)
            {
                await using var stream = layer.Open();
                int read;
                while ((read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
                {
                    await call.RequestStream.WriteAsync(new V1.ImportDatasetRequest
                    {
                        Mode = first ? mode : V1.ImportMode.Unspecified,
                        Layer = layer.Layer,
                        Data = ByteString.CopyFrom(buffer, 0, read),
                    }, ct);
                    first = false;
                    total += read;
                    sent?.Report(total);
                }
            }
            await call.RequestStream.CompleteAsync();
            var response = await call;
            return new ImportResult(response.Districts, response.AdminAreas, response.Schools, response.ResidentialAreas,
                response.Unchanged);
        }
        catch (RpcException e)
        {
            throw Translate(e, ct);
        }
        catch (InvalidOperationException) when (call.GetStatus() is { StatusCode: not StatusCode.OK } status)
        {
            // The server ended the call while we were still writing: report its status.
            throw Translate(new RpcException(status, call.GetTrailers()), ct);
        }
    }

    /// <summary>
    /// Streams one layer as a GeoJSON or GeoPackage file into <paramref name="destination"/>.
    /// Catchments need a run, term and part.
    /// </summary>
    public async Task<ExportedFile> ExportLayerAsync(
        Layer layer, ExportFormat format, Stream destination, CatchmentSelection? catchments = null,
        CancellationToken ct = default)
    {
        var request = new V1.ExportLayerRequest
        {
            Layer = layer,
            Format = format,
            RunId = catchments?.RunId ?? "",
            Term = catchments?.Term ?? "",
            Part = (catchments?.Part ?? SchoolPart.Unspecified),
        };
        string fileName = "", contentType = "";
        var features = 0;
        long bytes = 0;
        await foreach (var chunk in ReadAllAsync(_dataset.ExportLayer(request, StreamOptions(ct)), ct))
        {
            if (bytes == 0 && chunk.FileName.Length > 0)
            {
                fileName = chunk.FileName;
                contentType = chunk.ContentType;
                features = chunk.FeatureCount;
            }
            chunk.Data.WriteTo(destination);
            bytes += chunk.Data.Length;
        }
        await destination.FlushAsync(ct);
        return new ExportedFile(fileName, contentType, features, bytes);
    }
}
