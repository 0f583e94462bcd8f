using System.Text.Json.Nodes;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Dataset;

/// <summary>
/// Bad input is rejected as a whole, with the layer, feature index and field of
/// every violation named, and nothing already stored is lost.
/// </summary>
public sealed class ImportValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly DatasetService.DatasetServiceClient _client = new(fixture.Server.CreateChannel());

    // Every case starts from the valid tiny dataset stored in the database.
    public async Task InitializeAsync() => await new TinyDataset().ImportAsync(_client);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> Cases() => new()
    {
        // case name, field expected in the violations, words expected in its description
        { "self-intersecting polygon", "residential_areas[0].geometry", "Self-intersection" },
        { "longitude out of range", "residential_areas[1].geometry", "outside WGS84 ranges" },
        { "latitude/longitude swapped", "schools[0].geometry", "longitude first" },
        { "school outside the district", "schools[1].geometry", "outside the district" },
        { "negative population", "residential_areas[0].population", "negative" },
        { "missing population", "residential_areas[1].population", "required" },
        { "negative students", "residential_areas[0].students[2]", "negative" },
        { "population as text", "admin_areas[0].population", "whole number" },
        { "duplicate school code", "schools[1].code", "duplicate" },
        { "unknown admin area", "schools[0].admin_area", "unknown admin area" },
        { "unknown school", "residential_areas[2].school_primary", "unknown school" },
        { "junior school serving grades 1-6", "residential_areas[0].school_primary", "does not teach" },
        { "projected CRS", "schools.crs", "WGS84" },
        { "metres instead of degrees", "schools[0].geometry", "projected" },
        { "bad level", "schools[0].level", "primary, junior, nine_year" },
        { "bad term", "schools[0].tracks[0].from", "2020-autumn" },
        { "point as area", "residential_areas[0].geometry", "Polygon or MultiPolygon" },
        { "name too long", "schools[0].name", "at most 100" },
        { "enrolment with 8 grades", "schools[0].enrolment", "must have 9 values" },
        { "not a FeatureCollection", "district", "FeatureCollection" },
    };

    private static void Break(TinyDataset d, string name)
    {
        var area0 = TinyDataset.Properties(d.ResidentialAreas, 0);
        var school0 = TinyDataset.Properties(d.Schools, 0);
        switch (name)
        {
            case "self-intersecting polygon":
                d.ResidentialAreas["features"]![0]!["geometry"] = new JsonObject
                {
                    ["type"] = "Polygon",
                    ["coordinates"] = new JsonArray(new JsonArray(
                        TinyDataset.Pair(117.21, 39.61), TinyDataset.Pair(117.25, 39.65), TinyDataset.Pair(117.25, 39.61),
                        TinyDataset.Pair(117.21, 39.65), TinyDataset.Pair(117.21, 39.61))),
                };
                break;
            case "longitude out of range":
                d.ResidentialAreas["features"]![1]!["geometry"] = TinyDataset.Square(217.27, 39.61, 0.05);
                break;
            case "latitude/longitude swapped":
                d.Schools["features"]![0]!["geometry"] = TinyDataset.Point(39.65, 117.25);
                break;
            case "school outside the district":
                d.Schools["features"]![1]!["geometry"] = TinyDataset.Point(116.0, 39.0);
                break;
            case "negative population":
                area0["population"] = -5;
                break;
            case "missing population":
                TinyDataset.Properties(d.ResidentialAreas, 1).Remove("population");
                break;
            case "negative students":
                area0["students"]![2] = -1;
                break;
            case "population as text":
                TinyDataset.Properties(d.AdminAreas, 0)["population"] = "many";
                break;
            case "duplicate school code":
                TinyDataset.Properties(d.Schools, 1)["code"] = "BD-P-001";
                break;
            case "unknown admin area":
                school0["admin_area"] = "999";
                break;
            case "unknown school":
                TinyDataset.Properties(d.ResidentialAreas, 2)["school_primary"] = "BD-P-404";
                break;
            case "junior school serving grades 1-6":
                area0["school_primary"] = "BD-J-001";
                break;
            case "projected CRS":
                d.Schools["crs"] = new JsonObject
                {
                    ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::32650" },
                };
                break;
            case "metres instead of degrees":
                d.Schools["features"]![0]!["geometry"] = TinyDataset.Point(500000, 4390000);
                break;
            case "bad level":
                school0["level"] = "high";
                break;
            case "bad term":
                school0["tracks"]![0]!["from"] = "autumn 2020";
                break;
            case "point as area":
                d.ResidentialAreas["features"]![0]!["geometry"] = TinyDataset.Point(117.22, 39.62);
                break;
            case "name too long":
                school0["name"] = new string('校', 101);
                break;
            case "enrolment with 8 grades":
                school0["enrolment"] = new JsonArray(1, 2, 3, 4, 5, 6, 7, 8);
                break;
            case "not a FeatureCollection":
                d.District["type"] = "Feature";
                break;
            default:
                throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ImportDataset_BadInput_InvalidArgumentNamesFieldAndKeepsStoredData(string name, string field, string words)
    {
        var before = await Snapshot();
        var dataset = new TinyDataset();
        Break(dataset, name);

        var e = await RpcAssert.FailsAsync(() => dataset.ImportAsync(_client), StatusCode.InvalidArgument);

        var violations = RpcAssert.Violations(e);
        var match = violations.FirstOrDefault(v => v.Field == field);
        Assert.True(match is not null, $"no violation on {field}; got: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
        Assert.Contains(words, match.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task ImportDataset_SeveralProblems_AllReportedAtOnce()
    {
        var dataset = new TinyDataset();
        Break(dataset, "negative population");
        Break(dataset, "unknown admin area");
        Break(dataset, "bad level");

        var e = await RpcAssert.FailsAsync(() => dataset.ImportAsync(_client), StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "residential_areas[0].population", "schools[0].admin_area", "schools[0].level" }, fields);
    }

    [Fact]
    public async Task ImportDataset_AppendDuplicateOfStoredCode_RejectedAndNothingAdded()
    {
        var before = await Snapshot();
        var dataset = new TinyDataset();
        var layers = new[] { (Layer.Schools, System.Text.Encoding.UTF8.GetBytes(dataset.Schools.ToJsonString())) };

        var e = await RpcAssert.FailsAsync(() => TinyDataset.Upload(_client, layers, ImportMode.Append), StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "schools[0].code" && v.Description.Contains("already exists"));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task ImportDataset_CatchmentLayer_Rejected()
    {
        var layers = new[] { (Layer.Catchments, "{}"u8.ToArray()) };

        var e = await RpcAssert.FailsAsync(() => TinyDataset.Upload(_client, layers), StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "layer");
    }

    /// <summary>Row counts and a checksum of the stored rows' content.</summary>
    private async Task<string> Snapshot()
    {
        var db = fixture.Server.Database;
        return string.Join(",",
            await db.ScalarAsync("SELECT count(*) FROM districts"),
            await db.ScalarAsync("SELECT count(*) FROM admin_areas"),
            await db.ScalarAsync("SELECT count(*) FROM schools"),
            await db.ScalarAsync("SELECT count(*) FROM school_capacity"),
            await db.ScalarAsync("SELECT count(*) FROM residential_areas"),
            await db.ScalarAsync("SELECT coalesce(sum(population), 0) FROM residential_areas"),
            await db.ScalarAsync("SELECT coalesce(sum(hashtext(code || name || ST_AsText(location))), 0) FROM schools"));
    }
}
