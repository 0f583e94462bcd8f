using Google.Protobuf;
using Grpc.Core;
using Planning.V1;
using Xunit.Sdk;

namespace Planning.Server.Tests.Properties;

/// <summary>What every malformed request must get: a precise refusal, and no change to the database.</summary>
public static class Rejection
{
    /// <summary>
    /// Runs <paramref name="call"/> and fails unless it ends with INVALID_ARGUMENT carrying a
    /// google.rpc.BadRequest (or RESOURCE_EXHAUSTED when <paramref name="limitAllowed"/>) and the
    /// database is as it was before.
    /// </summary>
    public static async Task ExpectAsync(string connectionString, Func<Task> call, bool limitAllowed = false)
    {
        var before = await DatabaseSnapshot.TakeAsync(connectionString);
        RpcException? refused = null;
        try
        {
            await call();
        }
        catch (RpcException e)
        {
            refused = e;
        }
        var after = await DatabaseSnapshot.TakeAsync(connectionString);

        if (refused is null)
        {
            throw new XunitException($"accepted: the call succeeded; database changes: {(before == after ? "none" : before.Diff(after))}");
        }
        var expected = refused.StatusCode == StatusCode.InvalidArgument
                       || (limitAllowed && refused.StatusCode == StatusCode.ResourceExhausted);
        if (!expected)
        {
            throw new XunitException($"status {refused.StatusCode} \"{refused.Status.Detail}\", expected InvalidArgument"
                                     + (limitAllowed ? " or ResourceExhausted" : ""));
        }
        if (refused.StatusCode == StatusCode.InvalidArgument
            && refused.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>() is not { FieldViolations.Count: > 0 })
        {
            throw new XunitException($"InvalidArgument \"{refused.Status.Detail}\" without a google.rpc.BadRequest naming the fields");
        }
        if (before != after)
        {
            throw new XunitException($"refused with {refused.StatusCode} but the database changed: {before.Diff(after)}");
        }
    }

    /// <summary>Streams the layers (16 KiB chunks unless a layer asks for one message) and awaits the response.</summary>
    public static async Task UploadAsync(DatasetService.DatasetServiceClient client, IReadOnlyList<LayerBytes> layers)
    {
        using var call = client.ImportDataset();
        try
        {
            var first = true;
            foreach (var layer in layers)
            {
                var chunk = layer.OneMessage ? Math.Max(layer.Bytes.Length, 1) : 16 * 1024;
                for (var offset = 0; offset < layer.Bytes.Length; offset += chunk)
                {
                    await call.RequestStream.WriteAsync(new ImportDatasetRequest
                    {
                        Mode = first ? ImportMode.Replace : ImportMode.Unspecified,
                        Layer = layer.Layer,
                        Data = ByteString.CopyFrom(layer.Bytes, offset, Math.Min(chunk, layer.Bytes.Length - offset)),
                    });
                    first = false;
                }
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call while the upload is still being sent; its status comes with the response.
        }
        await call.ResponseAsync;
    }
}
