using System.Diagnostics;
using System.Text.Json.Nodes;
using Grpc.Core;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Dataset;

/// <summary>The Baodi dataset goes in and comes out unchanged, as GeoJSON and as GeoPackage.</summary>
public sealed class RoundTripTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly DatasetService.DatasetServiceClient _client = new(fixture.Server.CreateChannel());
    private ImportDatasetResponse _import = null!;

    public async Task InitializeAsync() => _import = await TinyDataset.Upload(_client, TinyDataset.BaodiLayers());

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<Layer, string> Layers() => new()
    {
        { Layer.District, "district.geojson" },
        { Layer.AdminAreas, "admin_areas.geojson" },
        { Layer.Schools, "schools.geojson" },
        { Layer.ResidentialAreas, "residential_areas.geojson" },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task ExportLayer_AfterImport_IdenticalFeatures(Layer layer, string file)
    {
        var sent = FeaturesByCode(JsonNode.Parse(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.DataGeo, file)))!);

        var (bytes, count) = await ExportAsync(layer, ExportFormat.Geojson);

        var back = FeaturesByCode(JsonNode.Parse(bytes)!);
        Assert.Equal(sent.Count, count);
        Assert.Equal(sent.Keys.Order(), back.Keys.Order());
        foreach (var (code, feature) in sent)
        {
            var returned = back[code];
            Assert.True(JsonNode.DeepEquals(feature["properties"], returned["properties"]),
                $"{file} {code}: properties differ\n{feature["properties"]!.ToJsonString()}\n{returned["properties"]!.ToJsonString()}");
            var a = ReadGeometry(feature["geometry"]!);
            var b = ReadGeometry(returned["geometry"]!);
            Assert.True(a.Normalized().EqualsExact(b.Normalized()), $"{file} {code}: geometry differs");
        }
    }

    [Fact]
    public async Task ImportDataset_BaodiCounts_MatchFiles()
    {
        int Count(string file) => JsonNode.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.DataGeo, file)))!["features"]!.AsArray().Count;

        Assert.Equal(1, _import.Districts);
        Assert.Equal(Count("admin_areas.geojson"), _import.AdminAreas);
        Assert.Equal(Count("schools.geojson"), _import.Schools);
        Assert.Equal(Count("residential_areas.geojson"), _import.ResidentialAreas);
        Assert.Equal(_import.Schools, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM schools"));
    }

    [Fact]
    public async Task ImportDataset_SameFilesAgain_ReportsUnchangedAndKeepsRows()
    {
        var ids = await fixture.Server.Database.ScalarAsync("SELECT sum(id) FROM schools");

        var again = await TinyDataset.Upload(_client, TinyDataset.BaodiLayers());

        Assert.True(again.Unchanged);
        Assert.Equal(_import.ResidentialAreas, again.ResidentialAreas);
        Assert.Equal(ids, await fixture.Server.Database.ScalarAsync("SELECT sum(id) FROM schools"));
    }

    [Theory]
    [InlineData(Layer.Schools, ExportFormat.Geopackage, "gpkg")]
    [InlineData(Layer.ResidentialAreas, ExportFormat.Geopackage, "gpkg")]
    [InlineData(Layer.AdminAreas, ExportFormat.Geojson, "geojson")]
    public async Task ExportLayer_OpenedByOgrinfo_FeatureCountAndWgs84(Layer layer, ExportFormat format, string extension)
    {
        var (bytes, count) = await ExportAsync(layer, format);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var info = await Ogrinfo(path);

            Assert.Contains($"Feature Count: {count}", info);
            Assert.Matches("""ID\["EPSG",\s*4326\]|AUTHORITY\["EPSG","4326"\]""", info);
            Assert.True(count > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExportLayer_NoLayer_InvalidArgument()
    {
        var e = await RpcAssert.FailsAsync(() => ExportAsync(Layer.Unspecified, ExportFormat.Geojson), StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "layer");
    }

    private async Task<(byte[] Bytes, int Count)> ExportAsync(Layer layer, ExportFormat format)
    {
        using var call = _client.ExportLayer(new ExportLayerRequest { Layer = layer, Format = format });
        using var buffer = new MemoryStream();
        var count = -1;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (count < 0)
            {
                count = chunk.FeatureCount;
            }
            chunk.Data.WriteTo(buffer);
        }
        return (buffer.ToArray(), count);
    }

    private static Dictionary<string, JsonObject> FeaturesByCode(JsonNode collection) =>
        collection["features"]!.AsArray().Select(f => f!.AsObject())
            .ToDictionary(f => f["properties"]!["code"]!.GetValue<string>());

    private static Geometry ReadGeometry(JsonNode node) =>
        System.Text.Json.JsonSerializer.Deserialize<Geometry>(node.ToJsonString(),
            new System.Text.Json.JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } })!;

    private static async Task<string> Ogrinfo(string path)
    {
        var start = new ProcessStartInfo("ogrinfo", ["-so", "-al", path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)
                            ?? throw new InvalidOperationException("ogrinfo (Debian gdal-bin) is required; scripts/test installs it");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ogrinfo failed: {error}");
        return output;
    }
}
