using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>The bugs of issue 14, each reproduced as a planner met it.</summary>
public sealed partial class WebMapTests
{
    private const string SimMessage = "document.getElementById('sim-message').textContent";
    private const string RunSimulation = "planning.v1.SimulationService/RunSimulation";

    [Fact]
    public async Task Cancel_pressed_after_the_run_finished_computing_says_the_run_was_stored_and_opens_it()
    {
        await using var map = await fixture.OpenAsync();
        await map.Page.SelectOptionAsync("#sim-mode", "keep");
        await map.Page.FillAsync("#sim-label", "late cancel");
        // Hold the server's writing of the results (it waits for run_schools once every term is computed),
        // so that Cancel is pressed exactly when it was in the issue: too late to stop the run.
        await using var db = new NpgsqlConnection(fixture.Server.Database.ConnectionString);
        await db.OpenAsync();
        await using var hold = await db.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE run_schools IN EXCLUSIVE MODE", db, hold).ExecuteNonQueryAsync();

        await map.Page.ClickAsync("#sim-start");
        await WaitUntilAsync(async () => await new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE relation = 'run_schools'::regclass AND NOT granted", db, hold).ExecuteScalarAsync() is > 0L,
            "the server to write the run's results");
        await map.Page.ClickAsync("#sim-cancel");
        await map.Page.WaitForFunctionAsync($"() => {SimMessage}.startsWith('取消中')");
        await hold.RollbackAsync(); // the server writes the results now
        await map.Page.WaitForFunctionAsync($"() => {SimMessage}.startsWith('取消太晚')", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await map.IdleAsync();

        var run = (await _truth.RunsAsync()).Single(r => r.Label == "late cancel");
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.DoesNotContain("no results were stored", await map.Page.InnerTextAsync("#sim-message"));
        var state = await map.StateAsync();
        Assert.Equal(run.Id, state.RunId);
        Assert.Equal(await _truth.CatchmentCountAsync(run, state.Term, SchoolPart.Primary), await map.CatchmentCountAsync());
        var option = await map.Page.InnerTextAsync($"#run option[value='{run.Id}']");
        Assert.DoesNotContain("[", option); // stored as succeeded, listed without a status
        Log(await map.ScreenshotAsync("cancel-late"));
        await map.AssertNoErrorsAsync(aborted: RunSimulation);
    }

    [Fact]
    public async Task Cancel_pressed_early_lists_the_run_as_cancelled_without_a_reload()
    {
        await using var map = await fixture.OpenAsync();
        await map.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        // A redistribution solves every term (seconds each): the first progress is far from its end.
        await map.Page.SelectOptionAsync("#sim-mode", "redistribute");
        await map.Page.FillAsync("#sim-label", "early cancel");
        await map.Page.ClickAsync("#sim-start");
        await map.Page.WaitForFunctionAsync($"() => {SimMessage}.includes('%')", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var run = (await _truth.RunsAsync()).Single(r => r.Label == "early cancel");

        // The server records the cancel a moment after the call has ended: hold that moment open
        // (its UPDATE of the run's row waits for this lock) while the page refreshes its list.
        await using var db = new NpgsqlConnection(fixture.Server.Database.ConnectionString);
        await db.OpenAsync();
        await using (var hold = await db.BeginTransactionAsync())
        {
            var select = new NpgsqlCommand("SELECT 1 FROM runs WHERE id = @id FOR UPDATE", db, hold);
            select.Parameters.AddWithValue("id", Guid.Parse(run.Id));
            await select.ExecuteScalarAsync();
            await map.Page.ClickAsync("#sim-cancel");
            await map.Page.WaitForFunctionAsync($"() => {SimMessage}.startsWith('取消中') || {SimMessage}.startsWith('已取消')");
            await hold.RollbackAsync();
        }
        await map.Page.WaitForFunctionAsync($"() => {SimMessage}.startsWith('已取消')", null, new PageWaitForFunctionOptions { Timeout = 120_000 });

        run = (await _truth.RunsAsync()).Single(r => r.Label == "early cancel");
        Assert.Equal(RunStatus.Cancelled, run.Status);
        var option = await map.Page.InnerTextAsync($"#run option[value='{run.Id}']");
        Assert.Contains("[cancelled]", option);
        Assert.Contains("cancelled", await map.Page.InnerTextAsync("#sim-message"));
        Assert.True(await map.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        Assert.Equal(fixture.AfterRun.Id, (await map.StateAsync()).RunId); // the view shown stays
        await map.AssertNoErrorsAsync(aborted: RunSimulation);
    }

    [Fact]
    public async Task Scenario_box_switch_moves_the_map_summary_term_and_school_panel_to_the_scenarios_run_and_back()
    {
        var after = fixture.AfterRun;
        var scenarioRun = await NewestRunOfAsync(fixture.Scenario.Id);
        var lastAfterTerm = after.Terms[^1]; // not a term of the scenario's run (it ends 2021-autumn)
        Assert.DoesNotContain(lastAfterTerm, scenarioRun.Terms);
        await using var map = await fixture.OpenAsync($"run={after.Id}&term={lastAfterTerm}");
        var school = (await _truth.TermResultAsync(after, lastAfterTerm)).Schools.Where(s => s.Open).MaxBy(s => s.Total)!;
        await SelectSchoolAsync(map, school.SchoolCode);

        await map.Page.SelectOptionAsync("#scenario", fixture.Scenario.Id);
        await map.IdleAsync();

        var term = scenarioRun.Terms[0];
        await AssertShowsAsync(map, scenarioRun, term, school.SchoolCode);
        Assert.Equal(fixture.Scenario.Id, (await map.StateAsync()).Scenario);
        Log(await map.ScreenshotAsync("scenario-switched"));

        // And back: the base data's newest redistribution, "after", in the term shown.
        await map.Page.SelectOptionAsync("#scenario", "");
        await map.IdleAsync();
        await AssertShowsAsync(map, after, term, school.SchoolCode);
        await map.AssertNoErrorsAsync();
    }

    /// <summary>The map, summary, term and school panel all show <paramref name="run"/> in <paramref name="term"/>.</summary>
    private async Task AssertShowsAsync(MapPage map, Run run, string term, string schoolCode)
    {
        var state = await map.StateAsync();
        Assert.Equal(run.Id, state.RunId);
        Assert.Equal(term, state.Term);
        Assert.Equal(run.Terms.ToArray(), state.Terms);
        Assert.Equal(await _truth.CatchmentCountAsync(run, term, SchoolPart.Primary), await map.CatchmentCountAsync());
        var result = await _truth.TermResultAsync(run, term);
        Assert.Equal(result.Summary.Students.ToString("N0", CultureInfo.InvariantCulture), await map.Page.InnerTextAsync("#summary [data-figure='students']"));
        Assert.Contains(term, await map.Page.InnerTextAsync("#term-label"));
        Assert.Equal(run.Id, await map.Page.InputValueAsync("#run"));
        var shown = await map.SelectedSchoolAsync();
        var (enrolment, _, _) = await _truth.SchoolFiguresAsync(run, term, schoolCode);
        Assert.Equal(enrolment, shown!.Enrolment);
        Assert.Contains(term, await map.Page.InnerTextAsync("#info"));
    }

    [Fact]
    public async Task ZoomTo_resolves_when_the_view_is_already_there()
    {
        await using var map = await fixture.OpenAsync();
        await map.ZoomToAsync(117.305, 39.722, 14);

        var outcome = await map.Page.EvaluateAsync<string>(
            """
            () => Promise.race([
              window.planningMap.zoomTo(117.305, 39.722, 14).then(() => 'resolved'),
              new Promise(r => setTimeout(() => r('pending'), 30000)),
            ])
            """);
        Assert.Equal("resolved", outcome);
        await map.AssertNoErrorsAsync();
    }

    /// <summary>Clicks a school's symbol (zoomed in on it) and waits for its panel.</summary>
    private async Task SelectSchoolAsync(MapPage map, string code)
    {
        var school = (await _truth.SchoolsAsync()).Single(s => s.Code == code);
        await map.ZoomToAsync(school.Lon, school.Lat, 15);
        await map.ClickSchoolAsync(code);
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{code}']");
        await map.IdleAsync();
    }

    /// <summary>Waits (polling every 100 ms, at most three minutes) until a condition holds.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"waited three minutes for {what}");
            await Task.Delay(100);
        }
    }
}
