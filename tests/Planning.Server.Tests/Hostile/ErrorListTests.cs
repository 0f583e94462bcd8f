using System.Text;
using Grpc.Core;
using Planning.Server.Tests.Cli;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §3: error lists no client could read. Appending the Baodi areas twice gave 924 violations in a
/// 76 KB trailer, which our CLI reported as "UNAVAILABLE … HPackDecodingException"; 200,001 malformed
/// features slipped past MaxImportFeatures and made 1,400,007 violations while the client hung. Over a real
/// socket, where trailers are HTTP/2 headers: the first problems and a count, in trailers well under 8 KiB
/// (grpc-java's default limit of received metadata), and malformed features counted against the limit.
/// </summary>
public sealed class ErrorListTests(ErrorListTests.Baodi fixture) : IClassFixture<ErrorListTests.Baodi>
{
    /// <summary>The Baodi data on a socket server.</summary>
    public sealed class Baodi : SocketServer
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await TinyDataset.Upload(new DatasetService.DatasetServiceClient(Channel()), TinyDataset.BaodiLayers());
        }
    }

    /// <summary>Bytes of the trailers as they travel (names and values, before HPACK compression).</summary>
    private const int TrailerBudget = 8 * 1024;

    private readonly DatasetService.DatasetServiceClient _datasets = new(fixture.Channel());

    private static (Layer, byte[]) BaodiAreas() => TinyDataset.BaodiLayers().Single(l => l.Layer == Layer.ResidentialAreas);

    [Fact]
    public async Task ImportDataset_BaodiAreasAppendedAgain_FirstProblemsAndTheCountInSmallTrailers()
    {
        using var call = _datasets.ImportDataset();
        foreach (var chunk in Chunks(BaodiAreas().Item2))
        {
            await call.RequestStream.WriteAsync(new ImportDatasetRequest { Mode = ImportMode.Append, Layer = Layer.ResidentialAreas, Data = chunk });
        }
        await call.RequestStream.CompleteAsync();

        var e = await RpcAssert.FailsAsync(() => call.ResponseAsync, StatusCode.InvalidArgument);

        var violations = RpcAssert.Violations(e);
        Assert.True(violations.Count <= 51, $"{violations.Count} violations listed");
        Assert.All(violations.SkipLast(1), v => Assert.Contains("already exists", v.Description, StringComparison.Ordinal));
        Assert.Equal("", violations[^1].Field);
        Assert.Contains(" 924 in all", violations[^1].Description, StringComparison.Ordinal);
        Assert.StartsWith("924 invalid field(s)", e.Status.Detail, StringComparison.Ordinal);
        var trailers = call.GetTrailers().Sum(t => t.Key.Length + (t.IsBinary ? Convert.ToBase64String(t.ValueBytes).Length : t.Value.Length));
        Assert.True(trailers < TrailerBudget, $"trailers of {trailers} bytes");
    }

    [Fact]
    public async Task PlanningImport_BaodiAreasAppendedAgain_CliPrintsTheRefusalNotATransportError()
    {
        var folder = Directory.CreateTempSubdirectory("planning-append-twice-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "residential_areas.geojson"), BaodiAreas().Item2);

            var result = await CliHarness.RunOverSocketAsync(fixture.Address, fixture.Server.AdminKey, "import", folder, "--mode", "append");

            Assert.Equal(4, result.ExitCode); // the command line's exit code for a refused request
            Assert.Contains("INVALID_ARGUMENT", result.Output, StringComparison.Ordinal);
            Assert.Contains("924 in all", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("UNAVAILABLE", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ImportDataset_200001MalformedFeatures_ResourceExhaustedAtOnce()
    {
        // Not objects, so not features at all: each still counts against Limits:MaxImportFeatures (200,000).
        var layer = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", Enumerable.Repeat("1", 200_001)) + "]}");

        var e = await RpcAssert.FailsAsync(() => TinyDataset.Upload(_datasets, [(Layer.ResidentialAreas, layer)], ImportMode.Append),
            StatusCode.ResourceExhausted);

        Assert.Contains("200,000", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportDataset_150000MalformedFeatures_ListsTheFirstAndCountsThemAll()
    {
        var layer = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", Enumerable.Repeat("1", 150_000)) + "]}");

        var e = await RpcAssert.FailsAsync(() => TinyDataset.Upload(_datasets, [(Layer.ResidentialAreas, layer)], ImportMode.Append),
            StatusCode.InvalidArgument);

        var violations = RpcAssert.Violations(e);
        Assert.Equal("residential_areas[0]", violations[0].Field);
        Assert.Contains("150,000 in all", violations[^1].Description, StringComparison.Ordinal);
    }

    private static IEnumerable<Google.Protobuf.ByteString> Chunks(byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
        {
            yield return Google.Protobuf.ByteString.CopyFrom(bytes, offset, Math.Min(64 * 1024, bytes.Length - offset));
        }
    }
}
