using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Planner;

/// <summary>The Baodi plan (reassign, 2020-autumn → 2022-autumn) with contiguous catchments asked for (issue 12 §3).</summary>
public sealed class PlanScenarioTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    public async Task InitializeAsync() =>
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()), TinyDataset.BaodiLayers());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunSimulation_PlanWithContiguousCatchments_EveryTermHasNoEnclaveOrNamesEachWithWhy()
    {
        var scenario = await _calls.ScenarioAsync();
        var free = (await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario })).Finished;
        var settings = (await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario })).Settings;
        settings.ContiguousCatchments = true;

        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario, Settings = settings });

        foreach (var summary in run.Summaries)
        {
            var term = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = summary.Term });
            var enclaves = term.Catchments.SelectMany(c => c.Enclaves).ToList();
            Assert.Equal(summary.Enclaves, enclaves.Count);
            Assert.All(enclaves, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{summary.Term}: enclave {string.Join(",", e.AreaCodes)} without a reason"));
            Assert.All(term.Catchments, c => Assert.Equal(c.Enclaves.Count + 1, c.Parts));
            // Contiguity never costs a seat (DOMAIN.md limits).
            var before = free.Summaries.Single(s => s.Term == summary.Term);
            Assert.True(summary.SeatsShort <= before.SeatsShort, $"{summary.Term}: {summary.SeatsShort} seats short, {before.SeatsShort} without contiguity");
            // The gap is measured against a bound that holds for contiguous plans too.
            Assert.True(summary.Solve.LowerBound <= summary.Solve.Objective);
            Assert.Equal(summary.OptimalityGap, summary.Solve.Objective == 0 ? 0 : (summary.Solve.Objective - summary.Solve.LowerBound) / summary.Solve.Objective, 9);
        }
        Assert.True(run.Summaries.Sum(s => s.Enclaves) < free.Summaries.Sum(s => s.Enclaves) / 2,
            $"{run.Summaries.Sum(s => s.Enclaves)} enclaves with contiguity, {free.Summaries.Sum(s => s.Enclaves)} without");
    }
}
