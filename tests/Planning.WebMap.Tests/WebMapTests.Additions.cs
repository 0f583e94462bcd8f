using System.Text.Json;
using Planning.V1;

namespace Planning.WebMap.Tests;

/// <summary>The additions (新增配置, issue 13 §2) the shown run was computed with, frozen with it: in a school's panel, and counted under the standard.</summary>
public sealed partial class WebMapTests
{
    [Fact]
    public async Task SchoolPanel_RunOfAScenarioWithTwoAdditionsToOneSchoolEditedAfterTheRun_ListsTheRunsWithAmountsAndTermsAndOtherSchoolsNone()
    {
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        var primaries = (await _truth.SchoolsAsync())
            .Where(s => s.Level == SchoolLevel.Primary && result.Schools.Any(r => r.SchoolCode == s.Code && r.Open && r.Total > 0))
            .OrderBy(s => s.Code, StringComparer.Ordinal).Take(2).ToList();
        var (equipped, other) = (primaries[0], primaries[1]);
        Resources[] added =
        [
            new() { Part = SchoolPart.Primary, FromTerm = "2020-autumn", TeachersBackbone = 3 },
            new() { Part = SchoolPart.Primary, FromTerm = "2021-autumn", SportsAreaM2 = 1200.5, EquipmentValueYuan = 80_000 },
        ];
        var scenario = await fixture.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "新增配置 additions test",
            Settings = new ScenarioSettings { StartTerm = "2020-autumn", HorizonTerm = "2021-autumn" },
            Changes = { added.Select(r => new ScenarioChange { AddResources = new AddResources { SchoolCode = equipped.Code, Added = r } }) },
        });
        var run = await fixture.RunAsync(RunMode.KeepCurrent, "additions", scenario.Id);
        var rules = await _truth.RulesAsync();
        string NameOf(Indicator i) => rules.Indicators.Single(r => r.Indicator == i).NameZh;
        var expected = new[]
        {
            (Change: 0, Indicator: Indicator.BackboneTeachers, Amount: 3.0, Text: "3", From: "2020-autumn"),
            (Change: 1, Indicator: Indicator.SportsArea, Amount: 1200.5, Text: "1,200.5", From: "2021-autumn"),
            (Change: 1, Indicator: Indicator.EquipmentValue, Amount: 80_000.0, Text: "80,000", From: "2021-autumn"),
        };
        await using var map = await fixture.OpenAsync($"run={run.Id}&term={run.Terms[0]}");
        int Asked(string method) => map.Calls.Count(c => c.Method.EndsWith($"/{method}", StringComparison.Ordinal));

        // The run's additions as it holds them: 2 to 1 school in the side panel, each amount in the school's panel.
        async Task AssertShowsTheRunsAdditionsAsync(string shot)
        {
            await map.Page.WaitForSelectorAsync("#run-additions [data-additions]");
            Assert.Equal("2", await map.Page.GetAttributeAsync("#run-additions [data-additions]", "data-additions"));
            Assert.Equal("1", await map.Page.GetAttributeAsync("#run-additions [data-schools]", "data-schools"));
            Assert.Equal(scenario.Name, await map.Page.InnerTextAsync("#run-additions [data-scenario]"));
            await SelectSchoolAsync(map, equipped.Code);
            await map.Page.WaitForSelectorAsync("#school-additions-table");
            var rows = await map.Page.EvalOnSelectorAllAsync<JsonElement>("#school-additions-table tbody tr",
                "rs => rs.map(r => ({ change: Number(r.dataset.change), indicator: Number(r.dataset.indicator), name: r.querySelector('td').textContent, " +
                "amount: Number(r.querySelector('[data-col=amount]').dataset.value), text: r.querySelector('[data-col=amount] .amount').textContent, " +
                "from: r.querySelector('[data-col=from]').textContent }))");
            Assert.Equal(
                expected.Select(e => $"{e.Change}|{(int)e.Indicator}|{NameOf(e.Indicator)}|{e.Amount}|{e.Text}|{e.From}"),
                rows.EnumerateArray().Select(r => $"{r.GetProperty("change").GetInt32()}|{r.GetProperty("indicator").GetInt32()}|" +
                    $"{r.GetProperty("name").GetString()}|{r.GetProperty("amount").GetDouble()}|{r.GetProperty("text").GetString()}|{r.GetProperty("from").GetString()}"));
            await map.Page.Locator("#school-additions").ScrollIntoViewIfNeededAsync();
            Log(await map.ScreenshotAsync(shot));
            var asked = Asked("GetRunAdditions");

            // Another school of the same run: no additions; and the run's additions were not asked for again.
            await SelectSchoolAsync(map, other.Code);
            await map.Page.WaitForSelectorAsync("#school-additions [data-additions='0']");
            Assert.Equal(0, await map.Page.Locator("#school-additions-table").CountAsync());
            Assert.Contains("无 none", await map.Page.InnerTextAsync("#school-additions"));
            Assert.Equal(asked, Asked("GetRunAdditions"));
        }
        await AssertShowsTheRunsAdditionsAsync("school-additions");
        Assert.Equal(1, Asked("GetRunAdditions"));

        // The scenario edited after the run (its first addition removed, one to the other school added), the page
        // reloaded: the run's additions are still those it was computed with (GetRunAdditions), not the scenario's now.
        await fixture.Scenarios.RemoveScenarioChangesAsync(new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } });
        var removed = await fixture.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        await fixture.Scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = removed.Version,
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = other.Code, Added = added[0] } } },
        });
        var now = await fixture.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal([equipped.Code, other.Code], now.Changes.Select(c => c.AddResources.SchoolCode));
        await map.Page.ReloadAsync();
        await map.WaitReadyAsync();
        await AssertShowsTheRunsAdditionsAsync("school-additions-after-edit");
        Assert.Equal(2, Asked("GetRunAdditions"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task SchoolPanel_RunWithoutAdditions_NoAdditionsSectionOrLine()
    {
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        var school = result.Schools.Where(s => s.Open && s.Total > 0).OrderBy(s => s.SchoolCode, StringComparer.Ordinal).First().SchoolCode;
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={FirstTerm}");

        await SelectSchoolAsync(map, school);
        await map.Page.WaitForSelectorAsync("#school-standard table");

        Assert.Equal("", (await map.Page.InnerTextAsync("#school-additions")).Trim());
        Assert.Equal("", (await map.Page.InnerTextAsync("#run-additions")).Trim());
        await map.AssertNoErrorsAsync();
    }
}
