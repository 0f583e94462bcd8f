using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>Runs: what the lists say of each run, which run the page opens, Compare's default, what a simulation runs on.</summary>
public sealed partial class WebMapTests
{
    /// <summary>"2026-12-04 11:52": a run's start as the page writes it (the browser runs in Baodi's time zone).</summary>
    private static string When(Run run)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(WebMapFixture.TimeZone);
        var at = TimeZoneInfo.ConvertTime((run.StartedAt ?? run.QueuedAt).ToDateTimeOffset(), zone);
        return at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Run_lists_name_each_runs_scenario_mode_and_when_it_ran()
    {
        await using var map = await fixture.OpenAsync();
        var runs = await _truth.RunsAsync();

        // The run list: the chosen scenario's (the base data's) runs, each with its label, mode and start.
        var options = await map.Page.EvalOnSelectorAllAsync<string[][]>("#run option", "os => os.map(o => [o.value, o.textContent, o.title])");
        var baseRuns = runs.Where(r => r.ScenarioId == "").ToList();
        Assert.Equal(["", .. baseRuns.Select(r => r.Id)], options.Select(o => o[0]));
        foreach (var run in baseRuns)
        {
            var option = options.Single(o => o[0] == run.Id);
            var text = option[1];
            Assert.Contains(run.Label, text);
            Assert.Contains(run.Mode == RunMode.KeepCurrent ? "keep current" : "redistribute", text);
            Assert.Contains(When(run), text);
            Assert.Contains("基础数据 base data", option[2]); // its scenario, in the option's tooltip
        }
        Assert.Contains("基础数据 base data", await map.Page.InnerTextAsync("#run-info"));
        Assert.Contains(When(fixture.AfterRun), await map.Page.InnerTextAsync("#run-info"));

        // The compare list: every successful run, grouped under its scenario's name.
        var groups = await map.Page.EvalOnSelectorAllAsync<JsonElement>(
            "#compare-run optgroup", "gs => gs.map(g => ({ label: g.label, runs: [...g.querySelectorAll('option')].map(o => o.value) }))");
        var scenarioGroup = groups.EnumerateArray().Single(g => g.GetProperty("label").GetString() == fixture.Scenario.Name);
        Assert.Contains(fixture.ScenarioRun.Id, scenarioGroup.GetProperty("runs").EnumerateArray().Select(x => x.GetString()));
        await map.AssertNoErrorsAsync();
    }

    /// <summary>The run the page opens for a scenario: its newest successful redistribution, else its newest successful run.</summary>
    private async Task<Run> NewestRunOfAsync(string scenarioId)
    {
        var ok = (await _truth.RunsAsync()).Where(r => r.ScenarioId == scenarioId && r.Status == RunStatus.Succeeded).ToList();
        return ok.FirstOrDefault(r => r.Mode == RunMode.Redistribute) ?? ok.First();
    }

    [Fact]
    public async Task Compare_defaults_to_the_before_of_the_run_shown_not_to_the_newest_run_elsewhere()
    {
        // The newest other run is in another scenario: what Compare used to take.
        var elsewhere = await fixture.RunAsync(RunMode.KeepCurrent, "newest elsewhere", fixture.Scenario.Id);
        await using var map = await fixture.OpenAsync();
        var runs = await _truth.RunsAsync();
        Assert.Equal(elsewhere.Id, runs.First(r => r.Status == RunStatus.Succeeded && r.Id != fixture.AfterRun.Id).Id);
        var before = runs.First(r => r.Status == RunStatus.Succeeded && r.ScenarioId == "" && r.Mode == RunMode.KeepCurrent);

        await map.Page.SelectOptionAsync("#compare-mode", "side");
        await map.IdleAsync();

        Assert.Equal(before.Id, (await map.StateAsync()).CompareRunId);
        Assert.Equal(before.Id, await map.Page.InputValueAsync("#compare-run"));
        Assert.Equal(await _truth.CatchmentCountAsync(before, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync(1));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Page_opens_the_newest_run_of_the_scenario_chosen_in_this_browser_not_a_newer_run_of_another()
    {
        await using var map = await fixture.OpenAsync();
        var chosen = await NewestRunOfAsync(fixture.Scenario.Id);
        await map.Page.SelectOptionAsync("#scenario", fixture.Scenario.Id);
        await map.IdleAsync();
        Assert.Equal(chosen.Id, (await map.StateAsync()).RunId);

        // Someone else's test: a newer redistribution, in a scenario of theirs.
        var theirs = await fixture.CreateScenarioAsync("别人的测试 someone's test");
        try
        {
            var theirRun = await fixture.RunAsync(RunMode.Redistribute, "their test", theirs.Id);
            var newest = (await _truth.RunsAsync()).First(r => r.Status == RunStatus.Succeeded && r.Mode == RunMode.Redistribute);
            Assert.Equal(theirRun.Id, newest.Id); // what the page used to open

            await map.Page.GotoAsync(fixture.AddressWith());
            await map.WaitReadyAsync();

            var state = await map.StateAsync();
            Assert.Equal(fixture.Scenario.Id, state.Scenario);
            Assert.Equal(chosen.Id, state.RunId);
            Assert.Equal(fixture.Scenario.Id, await map.Page.InputValueAsync("#scenario"));
            Assert.Equal(await _truth.CatchmentCountAsync(chosen, state.Term, SchoolPart.Primary), await map.CatchmentCountAsync());
            await map.AssertNoErrorsAsync();
        }
        finally
        {
            // Deleting the scenario deletes its run: the other tests' page opens "after" again.
            await fixture.Scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = theirs.Id });
        }
    }

    [Fact]
    public async Task Simulation_form_names_the_scenario_it_runs_on_and_runs_that_scenario()
    {
        await using var map = await fixture.OpenAsync();
        Assert.Contains("基础数据 base data", await map.Page.InnerTextAsync("#sim-target"));

        await map.Page.SelectOptionAsync("#scenario", fixture.Scenario.Id);
        await map.IdleAsync();
        Assert.Contains(fixture.Scenario.Name, await map.Page.InnerTextAsync("#sim-target"));

        await map.Page.SelectOptionAsync("#sim-mode", "keep");
        await map.Page.FillAsync("#sim-label", "scenario run from the page");
        await map.Page.ClickAsync("#sim-start");
        await map.Page.WaitForFunctionAsync(
            "() => document.getElementById('sim-message').textContent.startsWith('完成')", null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await map.IdleAsync();

        var created = (await _truth.RunsAsync()).Single(r => r.Label == "scenario run from the page");
        Assert.Equal(fixture.Scenario.Id, created.ScenarioId);
        var state = await map.StateAsync();
        Assert.Equal(created.Id, state.RunId);
        Assert.Equal(fixture.Scenario.Id, state.Scenario);
        Assert.Contains(fixture.Scenario.Name, await map.Page.InnerTextAsync("#run-info"));
        await map.AssertNoErrorsAsync();
    }
}
