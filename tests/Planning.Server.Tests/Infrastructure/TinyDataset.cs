using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Planning.V1;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// A small valid dataset (a 0.2° square district with one town, two schools and
/// three villages) as GeoJSON nodes that a test can break before sending.
/// </summary>
public sealed class TinyDataset
{
    public JsonObject District { get; } = Collection(Feature(Square(117.2, 39.6, 0.2),
        new JsonObject { ["code"] = "120115", ["name"] = "宝坻区", ["population"] = 5000 }));

    public JsonObject AdminAreas { get; } = Collection(Feature(Square(117.2, 39.6, 0.2),
        new JsonObject { ["code"] = "120115101", ["name"] = "大口屯镇", ["kind"] = "town", ["population"] = 5000, ["approximate"] = true }));

    public JsonObject Schools { get; } = Collection(
        Feature(Point(117.25, 39.65), School("BD-P-001", "大口屯镇中心小学", "primary", [120, 110, 100, 90, 95, 105, 0, 0, 0])),
        Feature(Point(117.35, 39.75), School("BD-J-001", "大口屯镇中学", "junior", [0, 0, 0, 0, 0, 0, 150, 140, 130])));

    public JsonObject ResidentialAreas { get; } = Collection(
        Feature(Square(117.21, 39.61, 0.05), Village("120115101201", "李家庄村", [60, 50, 50, 40, 45, 55, 70, 70, 60])),
        Feature(Square(117.27, 39.61, 0.05), Village("120115101202", "王庄子村", [60, 60, 50, 50, 50, 50, 80, 70, 70])),
        Feature(Square(117.33, 39.61, 0.05), Village("120115101203", "张家台村", null)));

    public static JsonObject Collection(params JsonObject[] features) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray([.. features]),
    };

    public static JsonObject Feature(JsonObject geometry, JsonObject properties) => new()
    {
        ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties,
    };

    public static JsonObject Square(double lon, double lat, double size) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(new JsonArray(
            Pair(lon, lat), Pair(lon + size, lat), Pair(lon + size, lat + size), Pair(lon, lat + size), Pair(lon, lat))),
    };

    public static JsonObject Point(double lon, double lat) => new() { ["type"] = "Point", ["coordinates"] = Pair(lon, lat) };

    public static JsonArray Pair(double x, double y) => new(x, y);

    private static JsonObject School(string code, string name, string level, int[] enrolment) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["level"] = level,
        ["kind"] = "existing",
        ["admin_area"] = "120115101",
        ["tracks"] = new JsonArray(new JsonObject
        {
            ["from"] = "2020-autumn", ["primary"] = level == "primary" ? 3 : 0, ["junior"] = level == "junior" ? 4 : 0,
        }),
        ["resources"] = new JsonArray(new JsonObject
        {
            ["part"] = level, ["from"] = "2020-autumn", ["teachers_degree"] = 30.0, ["teachers_backbone"] = 7.0,
            ["teachers_pe_art"] = 6.0, ["floor_area_m2"] = 3500.0, ["sports_area_m2"] = 6000.0,
            ["equipment_value_yuan"] = 1500000.0, ["multimedia_rooms"] = 16.0,
        }),
        ["enrolment"] = new JsonArray([.. enrolment.Select(e => (JsonNode)e)]),
    };

    private static JsonObject Village(string code, string name, int[]? students) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["kind"] = "village",
        ["admin_area"] = "120115101",
        ["population"] = 1500,
        ["households"] = 580,
        ["occupied_from"] = null,
        ["occupancy_ramp"] = null,
        ["students"] = students is null ? null : new JsonArray([.. students.Select(e => (JsonNode)e)]),
        ["school_primary"] = "BD-P-001",
        ["school_junior"] = "BD-J-001",
    };

    /// <summary>The properties of feature <paramref name="index"/> of a layer.</summary>
    public static JsonObject Properties(JsonObject layer, int index) =>
        layer["features"]![index]!["properties"]!.AsObject();

    public static JsonObject Geometry(JsonObject layer, int index) => layer["features"]![index]!["geometry"]!.AsObject();

    public IEnumerable<(Layer Layer, JsonObject Json)> Layers() =>
    [
        (Layer.District, District), (Layer.AdminAreas, AdminAreas), (Layer.Schools, Schools),
        (Layer.ResidentialAreas, ResidentialAreas),
    ];

    public Task<ImportDatasetResponse> ImportAsync(DatasetService.DatasetServiceClient client, ImportMode mode = ImportMode.Replace) =>
        Upload(client, Layers().Select(l => (l.Layer, Encoding.UTF8.GetBytes(l.Json.ToJsonString()))), mode);

    /// <summary>Streams layers in chunks, as a client would.</summary>
    public static async Task<ImportDatasetResponse> Upload(
        DatasetService.DatasetServiceClient client, IEnumerable<(Layer Layer, byte[] Bytes)> layers,
        ImportMode mode = ImportMode.Replace, int chunkBytes = 16 * 1024)
    {
        using var call = client.ImportDataset();
        var first = true;
        foreach (var (layer, bytes) in layers)
        {
            for (var offset = 0; offset < bytes.Length; offset += chunkBytes)
            {
                await call.RequestStream.WriteAsync(new ImportDatasetRequest
                {
                    Mode = first ? mode : ImportMode.Unspecified,
                    Layer = layer,
                    Data = ByteString.CopyFrom(bytes, offset, Math.Min(chunkBytes, bytes.Length - offset)),
                });
                first = false;
            }
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>The layers of the committed Baodi dataset in data/geo.</summary>
    public static IEnumerable<(Layer Layer, byte[] Bytes)> BaodiLayers() =>
    [
        (Layer.District, File.ReadAllBytes(Path.Combine(RepoPaths.DataGeo, "district.geojson"))),
        (Layer.AdminAreas, File.ReadAllBytes(Path.Combine(RepoPaths.DataGeo, "admin_areas.geojson"))),
        (Layer.Schools, File.ReadAllBytes(Path.Combine(RepoPaths.DataGeo, "schools.geojson"))),
        (Layer.ResidentialAreas, File.ReadAllBytes(Path.Combine(RepoPaths.DataGeo, "residential_areas.geojson"))),
    ];
}

public static class RpcAssert
{
    /// <summary>Awaits a call that must fail, and returns its RpcException.</summary>
    public static async Task<RpcException> FailsAsync(Func<Task> call, StatusCode expected)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == e.StatusCode, $"expected {expected}, got {e.StatusCode}: {e.Status.Detail}");
        return e;
    }

    /// <summary>The field violations of an INVALID_ARGUMENT error.</summary>
    public static IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> Violations(RpcException e) =>
        e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.ToList()
        ?? throw new Xunit.Sdk.XunitException($"no BadRequest detail in {e.Status}");
}
