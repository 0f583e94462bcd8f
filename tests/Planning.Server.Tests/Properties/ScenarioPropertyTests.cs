using CsCheck;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Generated malformed scenarios (bad terms, negative or huge tracks, unknown codes, NaN and
/// infinite numbers, enormous names, broken geometry_geojson, the empty oneof), alone or among
/// valid changes, are refused with INVALID_ARGUMENT and leave the database as it was.
/// A failure prints CsCheck's seed; CsCheck_Seed=… replays it.
/// </summary>
public sealed class ScenarioPropertyTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    public const int Cases = 100;

    private readonly ScenarioService.ScenarioServiceClient _scenarios = new(fixture.Server.CreateChannel());
    private string _scenarioId = "";

    private string Db => fixture.Server.Database.ConnectionString;

    public async Task InitializeAsync()
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));
        _scenarioId = (await _scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "基线" })).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateScenario_EveryValidChangeTogether_Accepted()
    {
        // The generated cases surround bad changes with these; they must be fine on their own.
        var request = new CreateScenarioRequest { Name = "全部有效变更", Settings = new ScenarioSettings { HorizonTerm = "2022-autumn" } };
        request.Changes.AddRange(ValidChanges.All());

        var scenario = await _scenarios.CreateScenarioAsync(request);

        Assert.Equal(5, scenario.Changes.Count);
        await _scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = scenario.Id });
    }

    [Fact]
    public async Task CreateScenario_GeneratedMalformedRequests_InvalidArgumentAndDatabaseUnchanged()
    {
        await ScenarioCases.Create.SampleAsync(
            c => Rejection.ExpectAsync(Db, async () => await _scenarios.CreateScenarioAsync(c.Build())),
            iter: Cases, threads: 1, print: c => c.ToString());
    }

    [Fact]
    public async Task AddScenarioChanges_GeneratedMalformedChanges_InvalidArgumentAndDatabaseUnchanged()
    {
        await ScenarioCases.Add.SampleAsync(async c =>
        {
            var version = (await _scenarios.GetScenarioAsync(new GetScenarioRequest { Id = _scenarioId })).Version;
            await Rejection.ExpectAsync(Db, async () => await _scenarios.AddScenarioChangesAsync(c.Build()(_scenarioId, version)));
        }, iter: Cases, threads: 1, print: c => c.ToString());
    }
}
