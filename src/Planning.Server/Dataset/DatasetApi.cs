using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Dataset;
using Planning.V1;

namespace Planning.Server.Dataset;

[Authorize(Policy = Roles.Viewer)]
public sealed class DatasetApi(DatasetImporter importer, ExportFiles exports, ServerLimits limits)
    : DatasetService.DatasetServiceBase
{
    private const int ChunkBytes = 64 * 1024;

    [Authorize(Policy = Roles.Admin)]
    public override async Task<ImportDatasetResponse> ImportDataset(
        IAsyncStreamReader<ImportDatasetRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var buffers = new Dictionary<string, MemoryStream>();
        var mode = ImportMode.Unspecified;
        var first = true;
        long total = 0;
        var problems = new Problems();
        await foreach (var chunk in requestStream.ReadAllAsync(ct))
        {
            if (first)
            {
                mode = chunk.Mode;
                first = false;
            }
            total += chunk.Data.Length;
            if (total > limits.MaxImportBytes)
            {
                throw new LimitExceededException($"the upload exceeds {limits.MaxImportBytes / (1024 * 1024)} MiB");
            }
            if (LayerName(chunk.Layer) is not { } name || name == LayerNames.Catchments)
            {
                problems.Add("layer", $"{chunk.Layer} cannot be imported; send district, admin areas, schools or residential areas");
                continue;
            }
            if (!buffers.TryGetValue(name, out var buffer))
            {
                buffers[name] = buffer = new MemoryStream();
            }
            chunk.Data.WriteTo(buffer);
        }
        if (buffers.Count == 0 && problems.Count == 0)
        {
            problems.Add("layer", "no layer was sent");
        }
        problems.ThrowIfAny();

        var result = await importer.ImportAsync(
            buffers.ToDictionary(b => b.Key, b => b.Value.ToArray()), replace: mode != ImportMode.Append, ct);
        return new ImportDatasetResponse
        {
            Districts = result.Districts,
            AdminAreas = result.AdminAreas,
            Schools = result.Schools,
            ResidentialAreas = result.ResidentialAreas,
            Unchanged = result.Unchanged,
        };
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task ExportLayer(
        ExportLayerRequest request, IServerStreamWriter<ExportLayerResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var name = LayerName(request.Layer);
        if (name is null)
        {
            throw Invalid("layer", "is required");
        }
        if (request.Format is not (ExportFormat.Geojson or ExportFormat.Geopackage))
        {
            throw Invalid("format", "is required: GEOJSON or GEOPACKAGE");
        }
        await using var file = await exports.BuildAsync(name, request, ct);
        // One chunk read and sent at a time: each write waits until the client has taken enough of the last (HTTP/2 flow control).
        var buffer = new byte[ChunkBytes];
        var first = true;
        int read;
        while ((read = await file.Content.ReadAsync(buffer, ct)) > 0 || first)
        {
            var response = new ExportLayerResponse { Data = ByteString.CopyFrom(buffer, 0, read) };
            if (first)
            {
                response.FileName = file.FileName;
                response.ContentType = file.ContentType;
                response.FeatureCount = file.FeatureCount;
                first = false;
            }
            await responseStream.WriteAsync(response, ct);
        }
    }

    public static string? LayerName(Layer layer) => layer switch
    {
        Layer.District => LayerNames.District,
        Layer.AdminAreas => LayerNames.AdminAreas,
        Layer.Schools => LayerNames.Schools,
        Layer.ResidentialAreas => LayerNames.ResidentialAreas,
        Layer.Catchments => LayerNames.Catchments,
        _ => null,
    };

    private static ValidationFailedException Invalid(string field, string description) =>
        new([new FieldProblem(field, description)]);
}
