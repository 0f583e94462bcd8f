using System.Text.Json;
using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planning.WebMap.Tests;

/// <summary>
/// The web map in real headless Chromium against the real server with the Baodi data and its runs
/// "before" and "after". Every service exists: a call the server does not answer fails the test.
/// </summary>
public sealed partial class WebMapTests(WebMapFixture fixture, ITestOutputHelper output) : IClassFixture<WebMapFixture>
{
    private readonly ServerTruth _truth = new(fixture);

    /// <summary>The run the page opens by default: the newest redistribution of the base data ("after").</summary>
    private Run DefaultRun => fixture.AfterRun;

    private string FirstTerm => DefaultRun.Terms[0];

    [Fact]
    public async Task Page_opens_the_Baodi_run_and_draws_as_many_catchments_as_the_server()
    {
        await using var map = await fixture.OpenAsync();

        var state = await map.StateAsync();
        Assert.Equal(DefaultRun.Id, state.RunId);
        Assert.Equal("", state.Scenario);
        Assert.Equal(FirstTerm, state.Term);
        Assert.Equal("primary", state.Part);
        var expected = await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary);
        Assert.True(expected > 10, $"the server has only {expected} catchments");
        Assert.Equal(expected, await map.CatchmentCountAsync());
        Assert.Equal((await _truth.SchoolsAsync()).Count, await map.SchoolsDrawnAsync());
        Assert.Contains("宝坻区", await map.Page.TitleAsync());
        Assert.Contains($"{expected}", await map.Page.InnerTextAsync("#legend"));

        Log(await map.ScreenshotAsync("overview"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Clicking_a_school_shows_its_enrolment_from_the_api_and_highlights_its_catchment()
    {
        await using var map = await fixture.OpenAsync();
        var schools = await _truth.SchoolsAsync();
        // The largest school with a catchment: an urban school among its close neighbours.
        var drawn = (await map.CatchmentCodesAsync()).ToHashSet();
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        var code = result.Schools.Where(s => drawn.Contains(s.SchoolCode)).MaxBy(s => s.Total)!.SchoolCode;
        var school = schools.Single(s => s.Code == code);
        await map.ZoomToAsync(school.Lon, school.Lat, 15);

        await map.ClickSchoolAsync(school.Code);
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school.Code}']");
        await map.IdleAsync();

        var shown = await map.SelectedSchoolAsync();
        Assert.NotNull(shown);
        var (enrolment, classes, largest) = await _truth.SchoolFiguresAsync(DefaultRun, FirstTerm, school.Code);
        Assert.Equal(school.Code, shown!.Code);
        Assert.Equal(school.Name, shown.Name);
        Assert.Equal(enrolment, shown.Enrolment);
        Assert.Equal(classes, shown.Classes);
        Assert.Equal(largest, shown.LargestClass);
        Assert.Equal(enrolment.Sum(), shown.Total);
        Assert.Equal(school.Code, shown.Highlighted);
        await map.Page.WaitForFunctionAsync("() => !document.querySelector('#school-items .hint')?.textContent?.startsWith('…')");
        Assert.Contains("待整改事项", await map.Page.InnerTextAsync("#info"));

        Log(await map.ScreenshotAsync("school-selected"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Level_switch_draws_the_junior_catchments()
    {
        await using var map = await fixture.OpenAsync();
        var before = await map.SignatureAsync();

        await map.Page.CheckAsync("#part-junior");
        await map.IdleAsync();

        Assert.Equal("junior", (await map.StateAsync()).Part);
        Assert.NotEqual(before, await map.SignatureAsync());
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Junior), await map.CatchmentCountAsync());

        Log(await map.ScreenshotAsync("junior"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Term_slider_changes_what_is_drawn()
    {
        await using var map = await fixture.OpenAsync();
        var slider = map.Page.Locator("#term");

        Assert.Equal(DefaultRun.Terms.ToArray(), (await map.StateAsync()).Terms);
        var first = await map.SignatureAsync();
        var last = DefaultRun.Terms[^1];

        await slider.FocusAsync();
        await map.Page.Keyboard.PressAsync("End");
        await map.IdleAsync();

        var state = await map.StateAsync();
        Assert.Equal(last, state.Term);
        Assert.NotEqual(first, await map.SignatureAsync());
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, last, SchoolPart.Primary), await map.CatchmentCountAsync());
        Log(await map.ScreenshotAsync("term-last"));

        // Play from the start: the term advances by itself.
        await slider.FocusAsync();
        await map.Page.Keyboard.PressAsync("Home");
        await map.IdleAsync();
        await map.Page.ClickAsync("#play");
        await map.Page.WaitForFunctionAsync(
            "t => window.planningMap.state().term !== t", DefaultRun.Terms[0], new PageWaitForFunctionOptions { Timeout = 15_000 });
        await map.Page.ClickAsync("#play");
        await map.IdleAsync();
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Clicking_an_area_shows_its_students_and_school()
    {
        await using var map = await fixture.OpenAsync();
        var areas = await _truth.AreasAsync();
        var schools = await _truth.SchoolsAsync();
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        // A compound with known students, away from every school symbol.
        var area = areas
            .Where(a => a.Kind == ResidentialAreaKind.Compound && a.Students.Count == 9 && a.SchoolPrimaryCode.Length > 0)
            .OrderByDescending(a => schools.Min(s => Math.Abs(s.Lon - a.CentroidLon) + Math.Abs(s.Lat - a.CentroidLat)))
            .First();

        await map.Page.CheckAsync("#layer-areas");
        await map.ZoomToAsync(area.CentroidLon, area.CentroidLat, 16);
        await map.ClickAtAsync(area.CentroidLon, area.CentroidLat);
        await map.Page.WaitForSelectorAsync($"#info h3[data-area='{area.Code}']");

        var shown = await map.SelectedAreaAsync();
        var assignment = result.Assignments.Single(a => a.AreaCode == area.Code);
        Assert.Equal(area.Code, shown!.Code);
        Assert.Equal(assignment.Students.ToArray(), shown.Students);
        var school = await map.Page.GetAttributeAsync("#info [data-goto-school]", "data-goto-school");
        Assert.Equal(assignment.SchoolPrimaryCode, school);

        Log(await map.ScreenshotAsync("area-selected"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Compare_mode_shows_two_runs_side_by_side()
    {
        await using var map = await fixture.OpenAsync();
        var other = fixture.BeforeRun;

        await map.Page.SelectOptionAsync("#compare-mode", "side");
        await map.Page.SelectOptionAsync("#compare-run", other.Id);
        await map.IdleAsync();

        Assert.True(await map.Page.Locator("#map-b").IsVisibleAsync());
        Assert.Equal(other.Id, (await map.StateAsync()).CompareRunId);
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync(0));
        Assert.Equal(await _truth.CatchmentCountAsync(other, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync(1));

        Log(await map.ScreenshotAsync("compare-side"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Compare_changed_hatches_the_areas_whose_school_of_the_level_shown_changed()
    {
        // The last term: by then the redistribution has moved many areas, some for one level only.
        var term = DefaultRun.Terms[^1];
        var anyLevel = await _truth.ChangedAreasAnyLevelAsync(fixture.BeforeRun, DefaultRun, term);
        var primary = await _truth.ChangedAreasFromCompareAsync(fixture.BeforeRun, DefaultRun, term, SchoolPart.Primary);
        var junior = await _truth.ChangedAreasFromCompareAsync(fixture.BeforeRun, DefaultRun, term, SchoolPart.Junior);
        // The server's per-level lists agree with the two runs' assignments.
        Assert.Equal(primary, await _truth.ChangedAreasAsync(fixture.BeforeRun, DefaultRun, term, SchoolPart.Primary));
        Assert.Equal(junior, await _truth.ChangedAreasAsync(fixture.BeforeRun, DefaultRun, term, SchoolPart.Junior));
        Assert.True(primary.Count > 0 && junior.Count > 0, "the redistribution changed no school of one level");
        Assert.True(primary.Count < anyLevel.Count && junior.Count < anyLevel.Count,
            $"every changed area changed both levels ({primary.Count}, {junior.Count} of {anyLevel.Count}): nothing to tell the levels apart");
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}&part=primary");

        await map.Page.SelectOptionAsync("#compare-mode", "changed");
        await map.Page.SelectOptionAsync("#compare-run", fixture.BeforeRun.Id);
        await map.IdleAsync();

        Assert.Equal(primary, await map.ChangedAreaCodesAsync());
        Assert.Equal($"{primary.Count:N0}", await map.Page.InnerTextAsync("#changed-count"));
        Assert.False(await map.Page.Locator("#map-b").IsVisibleAsync());
        Log(await map.ScreenshotAsync("compare-changed"));

        await map.Page.CheckAsync("#part-junior");
        await map.IdleAsync();
        Assert.Equal(junior, await map.ChangedAreaCodesAsync());
        Assert.Equal($"{junior.Count:N0}", await map.Page.InnerTextAsync("#changed-count"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Simulation_started_from_the_page_shows_progress_and_opens_the_new_run()
    {
        await using var map = await fixture.OpenAsync();

        // "keep current", so that the other tests' default run (the newest redistribution) stays "after".
        await map.Page.SelectOptionAsync("#sim-mode", "keep");
        await map.Page.FillAsync("#sim-label", "页面 page run");
        await map.Page.EvaluateAsync(
            "() => { window.__progress = []; new MutationObserver(() => window.__progress.push(document.getElementById('sim-progress').value))" +
            ".observe(document.getElementById('sim-message'), { childList: true, characterData: true, subtree: true }); }");
        await map.Page.ClickAsync("#sim-start");
        await map.Page.WaitForFunctionAsync(
            "() => document.getElementById('sim-message').textContent.startsWith('完成')", null,
            new PageWaitForFunctionOptions { Timeout = 180_000 });
        await map.IdleAsync();

        var runs = await fixture.Simulation.ListRunsAsync(new ListRunsRequest());
        var created = runs.Runs.First(r => r.Label == "页面 page run");
        var state = await map.StateAsync();
        Assert.Equal(created.Id, state.RunId);
        Assert.Equal(RunMode.KeepCurrent, created.Mode);
        Assert.Equal(await _truth.CatchmentCountAsync(created, state.Term, SchoolPart.Primary), await map.CatchmentCountAsync());
        var progress = await map.Page.EvaluateAsync<JsonElement>("() => window.__progress");
        Assert.True(progress.GetArrayLength() >= 2, "no progress was shown");
        Assert.Equal(100, await map.Page.EvaluateAsync<double>("() => document.getElementById('sim-progress').value"));

        Log(await map.ScreenshotAsync("simulation"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Chinese_labels_render_with_the_CJK_font()
    {
        await using var map = await fixture.OpenAsync();
        await map.ZoomToAsync(117.305, 39.722, 13); // the urban streets, labelled

        // The fonts Chromium actually used for the Chinese title (not just the CSS stack).
        var cdp = await map.Page.Context.NewCDPSessionAsync(map.Page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = "header h1",
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object>
        {
            ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32(),
        });
        var families = fonts!.Value.GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("familyName").GetString()).ToList();
        Assert.Contains(families, f => f!.Contains("Noto Sans CJK", StringComparison.Ordinal));
        Assert.Equal("宝坻区义务教育学区规划图", await map.Page.InnerTextAsync("header h1"));

        Log(await map.ScreenshotAsync("labels"));
        await map.AssertNoErrorsAsync();
    }

    private void Log(string screenshot) => output.WriteLine($"screenshot: {screenshot}");
}
