using System.Globalization;
using System.Text.Json;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>The planner in the loop (issue 12 §5): a move's what-if, pins and locks in the scenario shown, and their removal.</summary>
public sealed partial class WebMapTests
{
    private static async Task SearchAreaAsync(MapPage map, string code)
    {
        await map.Page.FillAsync("#search", code);
        await map.Page.PressAsync("#search", "Enter");
        await map.Page.WaitForSelectorAsync($"#info h3[data-area='{code}']");
    }

    private static int Int(string? text) => int.Parse(text ?? "", NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task WhatIf_ViewerMovesAnAreaInThePage_SameCountsAsWhatIfRpcAndNoPin()
    {
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        var area = result.Assignments.Where(a => a.SchoolPrimaryCode.Length > 0).MaxBy(a => a.Students.Take(6).Sum())!;
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "试算 viewer");
        await using var map = await fixture.OpenWithKeyAsync(key, $"run={DefaultRun.Id}&term={FirstTerm}");
        await SearchAreaAsync(map, area.AreaCode);

        Assert.True(await map.Page.Locator("[data-planner='pin']").IsDisabledAsync(), "a viewer may pin");
        var targets = await map.Page.EvalOnSelectorAsync<string[]>("#move-school", "s => [...s.options].slice(0, 2).map(o => o.value)");
        Assert.DoesNotContain(area.SchoolPrimaryCode, targets);
        await map.Page.SelectOptionAsync("#move-school", targets[0]);
        await map.Page.ClickAsync("[data-planner='what-if']");
        await AssertWhatIfShownAsync(map, area.AreaCode, targets[0]);
        // Live: choosing another school asks again without a click.
        await map.Page.SelectOptionAsync("#move-school", targets[1]);
        await map.Page.WaitForSelectorAsync($"#what-if-schools tr[data-school='{targets[1]}']");
        await AssertWhatIfShownAsync(map, area.AreaCode, targets[1]);
        await map.AssertNoErrorsAsync();
    }

    /// <summary>The what-if shown equals WhatIf's answer for the same move: pupils moved, each school's students before and after, the mean distance after.</summary>
    private async Task AssertWhatIfShownAsync(MapPage map, string areaCode, string target)
    {
        await map.Page.WaitForSelectorAsync("#what-if-result:not([aria-busy]) [data-pupils-moved]");
        var expected = await fixture.Planner.WhatIfAsync(new WhatIfRequest
        {
            RunId = DefaultRun.Id, Term = FirstTerm,
            Moves = { new AreaMove { AreaCode = areaCode, SchoolCode = target, Part = SchoolPart.Primary } },
        });
        Assert.True(expected.PupilsMoved > 0, "the move moves nobody: pick an area with pupils");
        Assert.Equal(expected.PupilsMoved, Int(await map.Page.GetAttributeAsync("#what-if-result [data-pupils-moved]", "data-pupils-moved")));
        var rows = await map.Page.EvalOnSelectorAllAsync<JsonElement>("#what-if-schools tbody tr",
            "rs => rs.map(r => ({ code: r.dataset.school, before: r.querySelector('[data-col=before]').textContent, after: r.querySelector('[data-col=after]').textContent }))");
        Assert.Equal(
            expected.Schools.Select(s => $"{s.SchoolCode}|{s.Before.Total}|{s.After.Total}").Order(StringComparer.Ordinal),
            rows.EnumerateArray().Select(r => $"{r.GetProperty("code").GetString()}|{Int(r.GetProperty("before").GetString())}|{Int(r.GetProperty("after").GetString())}").Order(StringComparer.Ordinal));
        Assert.Contains(expected.Schools, s => s.SchoolCode == target && s.After.Total > s.Before.Total);
        var mean = Math.Round(expected.MeanDistanceAfterM).ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains($"→ {mean} m", await map.Page.InnerTextAsync("#what-if-result"));
    }

    [Fact]
    public async Task PinAndLock_PlannerInThePage_ScenarioListsThemAndRemoveTakesThemOut()
    {
        var scenario = await fixture.CreateScenarioAsync("固定测试 pins and locks");
        var area = (await _truth.AreasAsync()).First(a => a.SchoolPrimaryCode.Length > 0);
        await using var map = await fixture.OpenAsync("run=base");
        await map.Page.SelectOptionAsync("#scenario", scenario.Id);
        await map.IdleAsync();
        await map.Page.WaitForSelectorAsync("#scenario-changes .hint");

        await SearchAreaAsync(map, area.Code);
        var target = await map.Page.EvalOnSelectorAsync<string>("#move-school", "s => s.options[s.options.length - 1].value");
        await map.Page.SelectOptionAsync("#move-school", target);
        await map.Page.ClickAsync("[data-planner='pin']");
        await map.Page.WaitForSelectorAsync("#pins-locks li");
        var stored = await fixture.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        var pin = Assert.Single(stored.Changes).PinArea;
        Assert.Equal((area.Code, target, SchoolPart.Primary, "2020-autumn"), (pin.AreaCode, pin.SchoolCode, pin.Part, pin.FromTerm));

        var school = area.SchoolPrimaryCode;
        await map.Page.FillAsync("#search", school);
        await map.Page.ClickAsync($"#search-results li[data-kind='school'][data-code='{school}']");
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school}']");
        await map.Page.ClickAsync("[data-planner='lock']");
        await map.Page.WaitForFunctionAsync("() => document.querySelectorAll('#pins-locks li').length === 2");
        stored = await fixture.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal(2, stored.Changes.Count);
        Assert.Equal(school, stored.Changes[1].LockSchool.SchoolCode);
        Assert.Contains(area.Code, await map.Page.InnerTextAsync("#pins-locks li[data-change='0']"));
        Log(await map.ScreenshotAsync("pins-locks"));

        await map.Page.ClickAsync("#pins-locks [data-remove-change='0']");
        await map.Page.WaitForFunctionAsync("() => document.querySelectorAll('#pins-locks li').length === 1");
        stored = await fixture.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal(ScenarioChange.ChangeOneofCase.LockSchool, Assert.Single(stored.Changes).ChangeCase);
        await map.AssertNoErrorsAsync();
    }
}
