using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §2 and §3: inputs that were accepted and broke later, or ended INTERNAL. Each is sent the way
/// the issue found it, on every write path it names (import, upsert, scenario change); each must end
/// INVALID_ARGUMENT naming the field, with nothing written.
/// </summary>
public sealed class InputRuleTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly DatasetService.DatasetServiceClient _datasets = new(fixture.Server.CreateChannel());
    private readonly ResidentialAreaService.ResidentialAreaServiceClient _areas = new(fixture.Server.CreateChannel());
    private readonly SchoolService.SchoolServiceClient _schools = new(fixture.Server.CreateChannel());
    private readonly ScenarioService.ScenarioServiceClient _scenarios = new(fixture.Server.CreateChannel());
    private readonly SimulationService.SimulationServiceClient _simulation = new(fixture.Server.CreateChannel());

    public async Task InitializeAsync() => await new TinyDataset().ImportAsync(_datasets);

    public Task DisposeAsync() => Task.CompletedTask;

    private string Database => fixture.Server.Database.ConnectionString;

    /// <summary>A closed ring of <paramref name="vertices"/> points round (117.3, 39.7), inside the tiny district.</summary>
    private static JsonObject Ring(int vertices, bool withHeight = false)
    {
        var ring = new JsonArray();
        for (var i = 0; i < vertices - 1; i++)
        {
            var angle = 2 * Math.PI * i / (vertices - 1);
            var position = new JsonArray(117.3 + 0.01 * Math.Cos(angle), 39.7 + 0.01 * Math.Sin(angle));
            if (withHeight)
            {
                position.Add(12.5);
            }
            ring.Add(position);
        }
        ring.Add(ring[0]!.DeepClone());
        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) };
    }

    private static ResidentialArea Area(string geometry) => new()
    {
        Code = "NEW-1", Name = "新区", Kind = ResidentialAreaKind.Compound, AdminAreaCode = "120115101",
        GeometryGeojson = geometry, Population = 100, Households = 40,
    };

    private async Task<RpcException> RefusedAsync(Func<Task> call)
    {
        RpcException? refused = null;
        await Rejection.ExpectAsync(Database, async () =>
        {
            try
            {
                await call();
            }
            catch (RpcException e)
            {
                refused = e;
                throw;
            }
        });
        return refused!;
    }

    private static void AssertNamed(RpcException e, string field, string words)
    {
        var violations = RpcAssert.Violations(e);
        Assert.True(violations.Any(v => v.Field == field && v.Description.Contains(words, StringComparison.Ordinal)),
            $"no violation of {field} saying \"{words}\": " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")));
    }

    private Task ImportWithAreaGeometry(JsonObject geometry)
    {
        var tiny = new TinyDataset();
        tiny.ResidentialAreas["features"]![0]!["geometry"] = geometry;
        return tiny.ImportAsync(_datasets, ImportMode.Replace);
    }

    [Fact]
    public async Task EveryWritePath_PositionsWithHeight_InvalidArgumentNamingTheGeometry()
    {
        var threeD = Ring(5, withHeight: true);

        AssertNamed(await RefusedAsync(() => ImportWithAreaGeometry(threeD)), "residential_areas[0].geometry", "third value");
        AssertNamed(await RefusedAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest
            { ResidentialArea = Area(threeD.ToJsonString()) }).ResponseAsync), "residential_area.geometry_geojson", "third value");
        AssertNamed(await RefusedAsync(() => _scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "3D",
            Changes = { new ScenarioChange { AddResidentialArea = new AddResidentialArea { ResidentialArea = Area(threeD.ToJsonString()) } } },
        }).ResponseAsync), "changes[0].add_residential_area.residential_area.geometry_geojson", "third value");
    }

    [Fact]
    public async Task EveryWritePath_OneLongitudeOutOfRange_InvalidArgumentNotInternal()
    {
        // Found by the generated cases (seed 62hHnH8dxRG7): a scenario's added area with one longitude of 4.5e11
        // reached PostGIS's adjacency query before its range problem was reported, and the call ended INTERNAL.
        // The far corner also makes the ring cross itself, which is what PostGIS could not take.
        var far = (JsonObject)JsonNode.Parse("""
            {"type":"Polygon","coordinates":[[[117.22422229993879,39.632928556524526],[117.23539347819884,39.632928556524526],
            [117.23539347819884,39.64409973478459],[450727434379.41907,39.64409973478459],[117.22422229993879,39.632928556524526]]]}
            """)!;

        AssertNamed(await RefusedAsync(() => ImportWithAreaGeometry(far)), "residential_areas[0].geometry", "outside WGS84 ranges");
        AssertNamed(await RefusedAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest
            { ResidentialArea = Area(far.ToJsonString()) }).ResponseAsync), "residential_area.geometry_geojson", "outside WGS84 ranges");
        AssertNamed(await RefusedAsync(() => _scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "远",
            Changes = { new ScenarioChange { AddResidentialArea = new AddResidentialArea { ResidentialArea = Area(far.ToJsonString()) } } },
        }).ResponseAsync), "changes[0].add_residential_area.residential_area.geometry_geojson", "outside WGS84 ranges");
    }

    [Fact]
    public async Task EveryWritePath_FeatureOverTheVertexLimit_InvalidArgumentNamingTheLimit()
    {
        // Dataset.FieldRules.MaxFeatureVertices (docs/dataset-format.md): 20,000. One more is refused, the limit itself taken.
        var over = Ring(20_001);

        AssertNamed(await RefusedAsync(() => ImportWithAreaGeometry(over)), "residential_areas[0].geometry", "at most 20,000");
        AssertNamed(await RefusedAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest
            { ResidentialArea = Area(over.ToJsonString()) }).ResponseAsync), "residential_area.geometry_geojson", "at most 20,000");
        var created = await _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = Area(Ring(20_000).ToJsonString()) });
        await _areas.DeleteResidentialAreaAsync(new DeleteResidentialAreaRequest { Id = created.Id });
    }

    [Fact]
    public async Task ImportDataset_UploadOverTheVertexLimit_ResourceExhaustedBeforeAnyFeatureIsKept()
    {
        // 51 areas of 19,999 vertices: each within the feature limit, 1,019,949 in all, over the 1,000,000 of an upload.
        var tiny = new TinyDataset();
        var features = tiny.ResidentialAreas["features"]!.AsArray();
        var template = features[0]!;
        features.Clear();
        for (var i = 0; i < 51; i++)
        {
            var feature = template.DeepClone();
            feature["geometry"] = Ring(19_999);
            feature["properties"]!["code"] = $"BIG-{i}";
            features.Add(feature);
        }
        var before = await DatabaseSnapshot.TakeAsync(Database);

        var e = await RpcAssert.FailsAsync(() => tiny.ImportAsync(_datasets), StatusCode.ResourceExhausted);

        Assert.Contains("1,000,000 vertices", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Database));
    }

    [Fact]
    public async Task AddScenarioChanges_JuniorTracksOnAPrimarySchool_InvalidArgumentNamingTheTracks()
    {
        var scenario = await _scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "expand" });
        var expand = new ExpandSchool { SchoolCode = "BD-P-001", FromTerm = "2021-autumn", AddJuniorTracks = 3 };

        var e = await RefusedAsync(() => _scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version, Changes = { new ScenarioChange { ExpandSchool = expand } },
        }).ResponseAsync);

        AssertNamed(e, "changes[0].expand_school.add_junior_tracks", "does not teach grades 7–9");
        expand.AddJuniorTracks = 0;
        expand.AddPrimaryTracks = 3; // the part it teaches is taken
        await _scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version, Changes = { new ScenarioChange { ExpandSchool = expand } },
        });
    }

    [Fact]
    public async Task UpsertResidentialArea_CrsMemberTheImportRefuses_RefusedThere()
    {
        var geometry = Ring(5);
        geometry["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "EPSG:3857" } };

        AssertNamed(await RefusedAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest
            { ResidentialArea = Area(geometry.ToJsonString()) }).ResponseAsync), "residential_area.geometry_geojson.crs", "EPSG:3857");
        AssertNamed(await RefusedAsync(() => ImportWithAreaGeometry(geometry)), "residential_areas[0].geometry.crs", "EPSG:3857");
    }

    [Fact]
    public async Task UpsertResidentialArea_RampOf1000Terms_RefusedAsTheImportRefusesIt()
    {
        var area = Area(Ring(5).ToJsonString());
        area.OccupiedFrom = "2021-autumn";
        area.OccupancyRamp.AddRange(Enumerable.Repeat(0.5, 1000));

        AssertNamed(await RefusedAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = area }).ResponseAsync),
            "residential_area.occupancy_ramp", "1–50 fractions");
        var tiny = new TinyDataset();
        TinyDataset.Properties(tiny.ResidentialAreas, 0)["occupied_from"] = "2021-autumn";
        TinyDataset.Properties(tiny.ResidentialAreas, 0)["occupancy_ramp"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => (JsonNode?)0.5)]);
        AssertNamed(await RefusedAsync(() => tiny.ImportAsync(_datasets)), "residential_areas[0].occupancy_ramp", "1–50 fractions");
    }

    [Theory]
    [InlineData("BD-P-001\u200b", "U+200B")] // a zero-width space after a stored code
    [InlineData("ВD-P-001", "U+0412")]       // a Cyrillic В for the Latin B
    [InlineData("BD-P-0０1", "U+FF10")]      // a full-width zero
    [InlineData("-BD-P-001", "U+002D")]      // a code begins with a letter or digit
    public async Task EveryWritePath_CodeThatLooksLikeAnother_InvalidArgumentNamingTheCharacter(string code, string character)
    {
        var school = (await _schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" })).Clone();
        school.Id = 0;
        school.Version = 0;
        school.Code = code;
        AssertNamed(await RefusedAsync(() => _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync), "school.code", character);
        AssertNamed(await RefusedAsync(() => _scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "look-alike", Changes = { new ScenarioChange { OpenSchool = new OpenSchool { School = school } } },
        }).ResponseAsync), "changes[0].open_school.school.code", character);
        var tiny = new TinyDataset();
        TinyDataset.Properties(tiny.Schools, 1)["code"] = code;
        AssertNamed(await RefusedAsync(() => tiny.ImportAsync(_datasets)), "schools[1].code", character);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("code")]
    [InlineData("kind")]
    [InlineData("admin_area")]
    [InlineData("occupied_from")]
    public async Task ImportDataset_LoneSurrogateEscapeInAString_InvalidArgumentNotInternal(string property)
    {
        // The escape as it travels in the file: six characters, which System.Text.Json reads as U+D800 alone.
        var json = new TinyDataset().ResidentialAreas.ToJsonString();
        var marker = "\"REPLACE-ME\"";
        var node = JsonNode.Parse(json)!;
        node["features"]![0]!["properties"]![property] = "REPLACE-ME";
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString().Replace(marker, "\"a\\ud800b\"", StringComparison.Ordinal));
        var tiny = new TinyDataset();
        var layers = tiny.Layers().Select(l => (l.Layer, l.Layer == Layer.ResidentialAreas ? bytes : Encoding.UTF8.GetBytes(l.Json.ToJsonString())));

        var e = await RefusedAsync(() => TinyDataset.Upload(_datasets, layers));

        Assert.Contains(RpcAssert.Violations(e), v => v.Field.StartsWith($"residential_areas[0].{property}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunSimulation_NulInTheLabel_InvalidArgumentNamingTheLabel()
    {
        var e = await RefusedAsync(async () =>
        {
            using var call = _simulation.RunSimulation(new RunSimulationRequest { Label = "before\0after" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        AssertNamed(e, "label", "NUL");
    }

    [Fact]
    public async Task CreateScenario_NulInTheDescription_InvalidArgumentNamingIt()
    {
        AssertNamed(await RefusedAsync(() => _scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "n", Description = "a\0b" }).ResponseAsync),
            "description", "NUL");
    }
}
