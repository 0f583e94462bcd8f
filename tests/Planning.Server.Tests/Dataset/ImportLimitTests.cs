using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Dataset;

/// <summary>Oversized uploads are refused with RESOURCE_EXHAUSTED and write nothing.</summary>
public sealed class ImportLimitTests : IAsyncLifetime
{
    private PlanningServer _server = null!;
    private DatasetService.DatasetServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await PlanningServer.StartAsync(new Dictionary<string, string>
        {
            ["Limits:MaxImportFeatures"] = "5",
            ["Limits:MaxImportBytes"] = "200000",
            ["Limits:MaxMessageBytes"] = "100000",
        });
        _client = new DatasetService.DatasetServiceClient(_server.CreateChannel());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ImportDataset_MoreFeaturesThanAllowed_ResourceExhaustedAndNothingWritten()
    {
        // The tiny dataset has 7 features; this server allows 5.
        var e = await RpcAssert.FailsAsync(() => new TinyDataset().ImportAsync(_client), StatusCode.ResourceExhausted);

        Assert.Contains("limit is 5", e.Status.Detail);
        Assert.Equal(0, await _server.Database.ScalarAsync("SELECT count(*) FROM schools"));
    }

    [Fact]
    public async Task ImportDataset_UploadOverByteLimit_ResourceExhausted()
    {
        var big = Encoding.UTF8.GetBytes(new string(' ', 250_000));

        var e = await RpcAssert.FailsAsync(() => TinyDataset.Upload(_client, [(Layer.Schools, big)], chunkBytes: 50_000),
            StatusCode.ResourceExhausted);

        Assert.Contains("exceeds", e.Status.Detail);
        Assert.Equal(0, await _server.Database.ScalarAsync("SELECT count(*) FROM districts"));
    }

    [Fact]
    public async Task ImportDataset_SingleMessageOverMessageLimit_ResourceExhausted()
    {
        using var call = _client.ImportDataset();
        try
        {
            await call.RequestStream.WriteAsync(new ImportDatasetRequest
            {
                Layer = Layer.Schools, Data = ByteString.CopyFrom(new byte[150_000]),
            });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call while the message is still being sent; its status comes with the response.
        }

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }
}
