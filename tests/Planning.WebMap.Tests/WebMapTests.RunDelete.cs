using Grpc.Core;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>Runs: who started each (Run.started_by) and deleting one's own (SimulationService.DeleteRun).</summary>
public sealed partial class WebMapTests
{
    [Fact]
    public async Task DeleteRun_PlannersOwnRunConfirmed_GoneFromServerListAndMap()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Planner, "删除 planner");
        var scenario = await fixture.CreateScenarioAsync("删除测试 delete test");
        var simulation = new SimulationService.SimulationServiceClient(fixture.Server.CreateChannel(key));
        using (var call = simulation.RunSimulation(new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "mine", ScenarioId = scenario.Id },
            deadline: DateTime.UtcNow.AddMinutes(5)))
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        }
        var mine = (await fixture.Simulation.ListRunsAsync(new ListRunsRequest { ScenarioId = scenario.Id })).Runs.Single();
        Assert.Equal("删除 planner", mine.StartedBy);
        var others = (await fixture.Simulation.GetRunAsync(new GetRunRequest { Id = DefaultRun.Id })).StartedBy;
        Assert.NotEqual(mine.StartedBy, others);

        await using var map = await fixture.OpenWithKeyAsync(key, $"run={mine.Id}");
        Assert.Contains($"由 {mine.StartedBy}", await map.Page.InnerTextAsync($"#run option[value='{mine.Id}']"));
        Assert.Contains(mine.StartedBy, await map.Page.InnerTextAsync("#run-info"));
        Assert.True(await map.Page.IsVisibleAsync("#delete-run"), "no delete button for the planner's own run");

        // Someone else's run: no delete button for a planner.
        await map.Page.SelectOptionAsync("#scenario", "");
        await map.Page.SelectOptionAsync("#run", DefaultRun.Id);
        await map.IdleAsync();
        Assert.Contains(others, await map.Page.InnerTextAsync("#run-info"));
        Assert.False(await map.Page.IsVisibleAsync("#delete-run"), "a planner may delete another key's run");

        await map.Page.SelectOptionAsync("#scenario", scenario.Id);
        await map.IdleAsync();
        Assert.Equal(mine.Id, (await map.StateAsync()).RunId);
        string? asked = null;
        map.Page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await map.Page.ClickAsync("#delete-run");
        await map.Page.WaitForFunctionAsync($"() => !document.querySelector(\"#run option[value='{mine.Id}']\")");
        await map.IdleAsync();
        Assert.Contains("mine", asked ?? "");
        var gone = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Simulation.GetRunAsync(new GetRunRequest { Id = mine.Id }));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Null((await map.StateAsync()).RunId); // the scenario has no run left: the base data
        Assert.False(await map.Page.IsVisibleAsync("#delete-run"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task DeleteRun_Viewer_NoButtonAndStartedByShown()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "删除 viewer");
        var run = await fixture.Simulation.GetRunAsync(new GetRunRequest { Id = DefaultRun.Id });
        Assert.NotEqual("", run.StartedBy);
        await using var map = await fixture.OpenWithKeyAsync(key, $"run={run.Id}");
        Assert.Contains($"由 {run.StartedBy}", await map.Page.InnerTextAsync($"#run option[value='{run.Id}']"));
        Assert.False(await map.Page.IsVisibleAsync("#delete-run"), "a viewer may delete a run");
        await map.AssertNoErrorsAsync();
    }
}
