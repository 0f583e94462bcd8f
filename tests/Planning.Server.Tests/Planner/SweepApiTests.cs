using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;
using static Planning.Server.Tests.Planner.PlannerDataset;

namespace Planning.Server.Tests.Planner;

/// <summary>A scenario swept over one setting: ordinary stored runs and the trade-off table (issue 12 §4).</summary>
public sealed class SweepApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());
    private readonly PlannerService.PlannerServiceClient _planner = new(fixture.Server.CreateChannel());

    public Task InitializeAsync() => ImportAsync(fixture.Server);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(List<SweepProgress> Progress, SweepTable Table)> SweepAsync(SweepScenarioRequest request)
    {
        using var call = _planner.SweepScenario(request);
        var progress = new List<SweepProgress>();
        SweepTable? table = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.Progress is { } p)
            {
                progress.Add(p);
            }
            table ??= message.Table;
        }
        return (progress, table ?? throw new Xunit.Sdk.XunitException("no table"));
    }

    [Fact]
    public async Task SweepScenario_TwoMoveCosts_StoresTwoRunsWhoseSummariesMakeTheTable()
    {
        var scenario = await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "sweep", Settings = Reassign() });

        var (progress, table) = await SweepAsync(new SweepScenarioRequest
        {
            ScenarioId = scenario.Id, Setting = SweepSetting.MoveCost, Values = { 10, 50_000 }, Label = "trade-off",
        });

        Assert.Equal([10.0, 50_000.0], table.Rows.Select(r => r.Value));
        Assert.Equal([0, 1], progress.Select(p => p.Index).Distinct());
        foreach (var row in table.Rows)
        {
            var run = await _calls.Simulation.GetRunAsync(new GetRunRequest { Id = row.RunId });
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(scenario.Id, run.ScenarioId);
            Assert.Equal($"trade-off move_cost_m={row.Value}", run.Label);
            Assert.Equal(run.Summaries.Sum(s => s.StudentsMoved), row.PupilsMoved);
            Assert.Equal(run.Summaries.Sum(s => s.Students * s.MeanDistanceM) / run.Summaries.Sum(s => s.Students), row.MeanDistanceM, 6);
            Assert.Equal(run.Summaries.Sum(s => s.SchoolsOverSize + s.GradesOverClassLimit), row.Violations);
            Assert.Equal(run.Summaries.Select(s => s.Term), row.Terms.Select(t => t.Term));
        }
        // The scenario itself keeps its settings; each run's snapshot has its own move cost.
        Assert.Equal(scenario.Settings, (await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id })).Settings);
        Assert.Equal(10, await fixture.Server.Database.ScalarAsync($"SELECT (snapshot_json->'parameters'->>'move_cost_m')::float FROM runs WHERE id = '{table.Rows[0].RunId}'"));
        // Moving costs next to nothing at 10 m: at least as many pupils move as at 50 km.
        Assert.True(table.Rows[0].PupilsMoved >= table.Rows[1].PupilsMoved);
    }

    [Fact]
    public async Task SweepScenario_BadRequest_NamesEveryFieldAndStartsNoRun()
    {
        var runs = await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs");

        var e = await RpcAssert.FailsAsync(() => SweepAsync(new SweepScenarioRequest
        {
            Setting = SweepSetting.OpeningFillShare, Values = { 0.5, 1.5, double.NaN, 0.5 },
        }), StatusCode.InvalidArgument);
        var none = await RpcAssert.FailsAsync(() => SweepAsync(new SweepScenarioRequest { Values = { } }), StatusCode.InvalidArgument);

        Assert.Equal(["values[1]", "values[2]", "values[3]"], RpcAssert.Violations(e).Select(v => v.Field));
        Assert.Equal(["setting", "values"], RpcAssert.Violations(none).Select(v => v.Field));
        Assert.Equal(runs, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM runs"));
    }
}
