using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using static Planning.Server.Tests.Planner.PlannerDataset;

namespace Planning.Server.Tests.Planner;

/// <summary>The areas' adjacency: computed with PostGIS when data is imported or an area edited, and frozen in runs (issue 12 §3).</summary>
public sealed class AdjacencyTests : IAsyncLifetime
{
    private PlanningServer _server = null!;

    public async Task InitializeAsync() => _server = await PlanningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<long> LinkedAsync(string a, string b) => _server.Database.ScalarAsync($"""
        SELECT count(*) FROM area_adjacency x JOIN residential_areas p ON p.id = x.area_id JOIN residential_areas q ON q.id = x.neighbour_id
        WHERE (p.code = '{a}' AND q.code = '{b}') OR (p.code = '{b}' AND q.code = '{a}')
        """);

    [Fact]
    public async Task ImportDataset_VillagesSideBySide_LinksNeighboursOnly()
    {
        await ImportAsync(_server);

        Assert.Equal(2, await _server.Database.ScalarAsync("SELECT count(*) FROM area_adjacency"));
        Assert.Equal(1, await LinkedAsync(West, Middle));
        Assert.Equal(1, await LinkedAsync(Middle, East));
        Assert.Equal(0, await LinkedAsync(West, East));
    }

    [Fact]
    public async Task UpsertResidentialArea_MovedAwayAndBack_LosesThenRegainsItsNeighbours()
    {
        await ImportAsync(_server);
        var areas = new ResidentialAreaService.ResidentialAreaServiceClient(_server.CreateChannel());
        var east = await areas.GetResidentialAreaAsync(new GetResidentialAreaRequest { Code = East });
        var original = east.GeometryGeojson;

        // 0.01° (about 850 m) east of its old place: a gap far wider than a road.
        east.GeometryGeojson = TinyDataset.Square(117.32, 39.61, 0.05).ToJsonString();
        east = await areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = east });
        Assert.Equal(0, await LinkedAsync(Middle, East));

        east.GeometryGeojson = original;
        await areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = east });
        Assert.Equal(1, await LinkedAsync(Middle, East));
    }

    [Fact]
    public async Task ImportDataset_Baodi_LinksEveryVillagePairSharingAnEdgeAndLeavesNoAreaAlone()
    {
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(_server.CreateChannel()), TinyDataset.BaodiLayers());

        // data/geo/README.md: villages are Voronoi cells sharing exact edges; compounds are shrunk cells with roads between.
        var sharedEdges = await _server.Database.ScalarAsync("""
            SELECT count(*) FROM residential_areas a JOIN residential_areas b ON a.id < b.id AND a.boundary && b.boundary
            WHERE a.kind = 'Village' AND b.kind = 'Village' AND ST_Relate(a.boundary, b.boundary, 'F***1****')
            """);
        var linkedSharedEdges = await _server.Database.ScalarAsync("""
            SELECT count(*) FROM area_adjacency x JOIN residential_areas a ON a.id = x.area_id JOIN residential_areas b ON b.id = x.neighbour_id
            WHERE a.kind = 'Village' AND b.kind = 'Village' AND ST_Relate(a.boundary, b.boundary, 'F***1****')
            """);
        var alone = await _server.Database.ScalarAsync("""
            SELECT count(*) FROM residential_areas a
            WHERE NOT EXISTS (SELECT 1 FROM area_adjacency x WHERE x.area_id = a.id OR x.neighbour_id = a.id)
            """);
        var tooFar = await _server.Database.ScalarAsync("SELECT count(*) FROM area_adjacency WHERE gap_m > 100 OR frontage_m < 30");

        Assert.True(sharedEdges > 1000, $"{sharedEdges} village edges");
        Assert.Equal(sharedEdges, linkedSharedEdges);
        Assert.Equal(0, alone);
        Assert.Equal(0, tooFar);
    }

    [Fact]
    public async Task RunSimulation_ScenarioAddsAreaBesideAVillage_RunsSnapshotLinksIt()
    {
        await ImportAsync(_server);
        var calls = new Simulation.RunCalls(_server.CreateChannel());
        var area = new ResidentialArea
        {
            Code = "120115101299", Name = "新建村", Kind = ResidentialAreaKind.Village, AdminAreaCode = "120115101", Population = 800, Households = 300,
            GeometryGeojson = TinyDataset.Square(117.36, 39.61, 0.02).ToJsonString(),
        };
        var scenario = await calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "new compound", Settings = Reassign(), Changes = { new ScenarioChange { AddResidentialArea = new AddResidentialArea { ResidentialArea = area } } },
        });

        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id });

        Assert.Equal(1, await _server.Database.ScalarAsync($"""
            SELECT count(*) FROM runs, jsonb_array_elements(snapshot_json->'adjacency') p
            WHERE id = '{run.Id}' AND p ? '120115101299' AND p ? '{East}'
            """));
        Assert.Equal(3, await _server.Database.ScalarAsync($"SELECT jsonb_array_length(snapshot_json->'adjacency') FROM runs WHERE id = '{run.Id}'"));
    }
}
