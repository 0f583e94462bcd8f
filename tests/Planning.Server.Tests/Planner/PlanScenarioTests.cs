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

    /// <summary>Seats of a school in a term: tracks × grades × class limit (45 in grades 1–6, 50 in 7–9; DOMAIN.md), within its size limit.</summary>
    private static int Seats(SchoolTermResult school) => Math.Min(school.SizeLimit, school.PrimaryTracks * 6 * 45 + school.JuniorTracks * 3 * 50);

    [Fact]
    public async Task RunSimulation_PlanWithOpeningFillShare_NewUrbanSchoolsNoLongerOpenNearlyEmpty()
    {
        var scenario = await _calls.ScenarioAsync();
        var free = (await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario })).Finished;
        var settings = (await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario })).Settings;
        settings.OpeningFillShare = 0.5;

        var (_, filled) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario, Settings = settings });

        var before = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = free.Id, Term = "2021-spring" });
        var after = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = filled.Id, Term = "2021-spring" });
        // Issue 12: in 2021-spring these open with 0 of 1,620, 0 of 1,080 and 43 of 1,680 seats taken, while nearer pupils go elsewhere.
        foreach (var code in new[] { "BD-P-013", "BD-P-014", "BD-N-002" })
        {
            var (was, now) = (before.Schools.Single(s => s.SchoolCode == code), after.Schools.Single(s => s.SchoolCode == code));
            Assert.True(was.Total < 0.1 * Seats(was), $"{code}: {was.Total} of {Seats(was)} seats without a fill share");
            Assert.True(now.Total >= 0.45 * Seats(now), $"{code}: {now.Total} of {Seats(now)} seats with a fill share of 0.5");
        }

        foreach (var summary in filled.Summaries)
        {
            // The fill target is soft: it never costs a seat, and the objective's rows add up to it.
            Assert.True(summary.SeatsShort <= free.Summaries.Single(s => s.Term == summary.Term).SeatsShort, summary.Term);
            Assert.Equal([ObjectiveLevel.Primary, ObjectiveLevel.Junior, ObjectiveLevel.WholeSchool], summary.Solve.Breakdown.Select(b => b.Level));
            Assert.Equal(summary.Solve.Objective, summary.Solve.Breakdown.Sum(b => b.TravelPupilM + b.MoveCost + b.ChangeCost + b.OverflowCost + b.UnderFillCost), 0);
            Assert.False(string.IsNullOrEmpty(summary.Solve.BoundKind), summary.Term);
        }
    }
}
