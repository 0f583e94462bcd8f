using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §5, the read paths under load: GetTermResult of a finished run is answered from a cache keyed by
/// the run's id and row version (docs/LOAD-TEST.md has the throughput), and exports are streamed in chunks
/// from a file rather than built in memory per call (docs/security.md, "Limits per caller").
/// </summary>
public sealed class ReadPathTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const int ChunkBytes = 64 * 1024;

    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    public async Task InitializeAsync() =>
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()), TinyDataset.BaodiLayers());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetTermResult_SameRunVersion_ServedFromCacheAndNewVersionReadAgain()
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "cached" });
        var request = new GetTermResultRequest { RunId = run.Id, Term = run.Terms[0] };
        var first = await _calls.Simulation.GetTermResultAsync(request);
        var removed = first.Schools[0].SchoolCode;

        // Rows changed behind the server's back: the cached answer stands while the run's version is the same…
        await fixture.Server.Database.ScalarAsync(
            $"DELETE FROM run_schools WHERE run_id = '{run.Id}' AND term = '{request.Term}' AND school_code = '{removed}'; SELECT 0");
        var cached = await _calls.Simulation.GetTermResultAsync(request);
        // …and a new version of the run row (any update) is read afresh.
        await fixture.Server.Database.ScalarAsync($"UPDATE runs SET label = label WHERE id = '{run.Id}'; SELECT 0");
        var reread = await _calls.Simulation.GetTermResultAsync(request);

        Assert.Equal(first, cached);
        Assert.Contains(cached.Schools, s => s.SchoolCode == removed);
        Assert.DoesNotContain(reread.Schools, s => s.SchoolCode == removed);
        Assert.Equal(first.Schools.Count - 1, reread.Schools.Count);
    }

    [Fact]
    public async Task GetTermResult_RunGoneAfterCaching_NotFound()
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "to delete" });
        var request = new GetTermResultRequest { RunId = run.Id, Term = run.Terms[0] };
        await _calls.Simulation.GetTermResultAsync(request);

        await fixture.Server.Database.ScalarAsync($"DELETE FROM runs WHERE id = '{run.Id}'; SELECT 0");

        await RpcAssert.FailsAsync(() => _calls.Simulation.GetTermResultAsync(request).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task ExportLayer_LargeLayer_ChunksOfAtMost64KiBThatMakeTheWholeFile()
    {
        var dataset = new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel());
        using var call = dataset.ExportLayer(new ExportLayerRequest { Layer = Layer.ResidentialAreas, Format = ExportFormat.Geojson });
        var chunks = new List<ExportLayerResponse>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            chunks.Add(chunk);
        }

        Assert.True(chunks.Count > 1, $"{chunks.Count} chunk(s)");
        Assert.All(chunks, c => Assert.InRange(c.Data.Length, 1, ChunkBytes));
        Assert.Equal("residential_areas.geojson", chunks[0].FileName);
        Assert.All(chunks.Skip(1), c => Assert.Equal("", c.FileName));
        var whole = System.Text.Json.Nodes.JsonNode.Parse(chunks.SelectMany(c => c.Data.ToByteArray()).ToArray())!;
        Assert.Equal(chunks[0].FeatureCount, whole["features"]!.AsArray().Count);
    }
}
