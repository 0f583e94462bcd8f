using System.Globalization;
using System.Text.Json;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>The national standard in the browser: the district's coefficients and verdict, a school's seven values, the rectification list.</summary>
public sealed partial class WebMapTests
{
    private static string PartName(SchoolPart part) => part == SchoolPart.Junior ? "junior" : "primary";

    [Fact]
    public async Task Standard_table_shows_the_districts_coefficients_per_indicator_and_level_and_its_verdict()
    {
        var term = DefaultRun.Terms[^1];
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}");
        var district = await fixture.Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = DefaultRun.Id, Term = term });

        await map.Page.ClickAsync("#open-standard");
        await map.Page.WaitForSelectorAsync("#standard-verdict");
        await map.IdleAsync();

        Assert.Equal(district.Passes ? "true" : "false", await map.Page.GetAttributeAsync("#standard-verdict", "data-passes"));
        Assert.Equal(2, district.Parts.Count);
        foreach (var part in district.Parts)
        {
            var name = PartName(part.Part);
            Assert.Equal($"{part.SchoolsMeetingAll}/{part.Schools}", await map.Page.GetAttributeAsync($"[data-part-schools='{name}']", "data-value"));
            var rows = await map.Page.EvalOnSelectorAllAsync<JsonElement>(
                $"#tables table[data-part='{name}'] tbody tr",
                "rs => rs.map(r => ({ indicator: Number(r.dataset.indicator), value: r.querySelector('[data-col=value]').dataset.value, " +
                "ceiling: r.querySelector('[data-col=ceiling]').dataset.value, met: r.querySelector('[data-col=met]').dataset.value, " +
                "text: r.querySelector('[data-col=value]').textContent }))");
            Assert.Equal(7, part.Coefficients.Count);
            Assert.Equal(part.Coefficients.Select(c => (int)c.Indicator), rows.EnumerateArray().Select(r => r.GetProperty("indicator").GetInt32()));
            foreach (var c in part.Coefficients)
            {
                var row = rows.EnumerateArray().Single(r => r.GetProperty("indicator").GetInt32() == (int)c.Indicator);
                Assert.Equal(c.Value, double.Parse(row.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
                Assert.Equal(c.Ceiling, double.Parse(row.GetProperty("ceiling").GetString()!, CultureInfo.InvariantCulture));
                Assert.Equal(c.Met ? "true" : "false", row.GetProperty("met").GetString());
                Assert.Equal(c.Value.ToString("N3", CultureInfo.InvariantCulture), row.GetProperty("text").GetString());
            }
        }
        // The side panel's verdict line says the same.
        await map.Page.WaitForFunctionAsync("() => document.getElementById('standard-summary').textContent.includes('pass')");
        Assert.Contains(district.Passes ? "通过 passes" : "未通过 does not pass", await map.Page.InnerTextAsync("#standard-summary"));

        Log(await map.ScreenshotAsync("standard"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task School_panel_shows_all_seven_values_against_their_norms_for_each_level_it_teaches()
    {
        // A nine-year school: both parts, seven values each.
        var schools = await _truth.SchoolsAsync();
        var result = await _truth.TermResultAsync(DefaultRun, FirstTerm);
        var open = result.Schools.Where(s => s.Open && s.Total > 0).Select(s => s.SchoolCode).ToHashSet();
        var school = schools.Where(s => s.Level == SchoolLevel.NineYear && open.Contains(s.Code)).MaxBy(s => s.Enrolment.Sum())!;
        var assessment = await fixture.Assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = DefaultRun.Id, Term = FirstTerm, SchoolCode = school.Code });
        Assert.Equal(2, assessment.Parts.Count);
        var rules = await _truth.RulesAsync();
        await using var map = await fixture.OpenAsync();

        await SelectSchoolAsync(map, school.Code);
        await map.Page.WaitForSelectorAsync("#school-standard table");

        foreach (var part in assessment.Parts)
        {
            var name = PartName(part.Part);
            var rows = await map.Page.EvalOnSelectorAllAsync<JsonElement>(
                $"#school-standard table[data-part='{name}'] tbody tr",
                "rs => rs.map(r => ({ indicator: Number(r.dataset.indicator), value: r.querySelector('[data-col=value]').dataset.value, " +
                "threshold: r.querySelector('[data-col=threshold]').dataset.value, met: r.querySelector('[data-col=met]').dataset.value, " +
                "gap: r.querySelector('.gap').textContent, name: r.querySelector('td').textContent }))");
            Assert.Equal(7, rows.GetArrayLength()); // met items too, not only the unmet ones
            foreach (var i in part.Indicators)
            {
                var row = rows.EnumerateArray().Single(r => r.GetProperty("indicator").GetInt32() == (int)i.Indicator);
                Assert.Equal(i.Value, double.Parse(row.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
                Assert.Equal(i.Threshold, double.Parse(row.GetProperty("threshold").GetString()!, CultureInfo.InvariantCulture));
                Assert.Equal(i.Met ? "true" : "false", row.GetProperty("met").GetString());
                Assert.Equal(i.Met ? "" : i.GapText, row.GetProperty("gap").GetString());
                Assert.Contains(rules.Indicators.Single(x => x.Indicator == i.Indicator).NameZh, row.GetProperty("name").GetString()); // the server's name
            }
            Assert.Equal(part.SixOfSeven ? "true" : "false",
                await map.Page.GetAttributeAsync($"#school-standard table[data-part='{name}']", "data-six-of-seven"));
        }
        Log(await map.ScreenshotAsync("school-standard"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Rectification_list_shows_every_open_item_per_school_and_the_term_it_closes()
    {
        var list = await fixture.Assessment.GetRectificationListAsync(new GetRectificationListRequest { RunId = DefaultRun.Id });
        Assert.True(list.Items.Count > 0, "the run has no open items to list");
        await using var map = await fixture.OpenAsync();

        await map.Page.ClickAsync("#open-rectification");
        await map.Page.WaitForSelectorAsync("#rectification-table");
        await map.IdleAsync();

        var rows = await map.Page.EvalOnSelectorAllAsync<string[][]>(
            "#rectification-table tbody tr",
            "rs => rs.map(r => [r.dataset.school, r.querySelector('[data-col=opened]').textContent, r.querySelector('[data-col=closed]').textContent])");
        Assert.Equal(list.Items.Count, rows.Length);
        Assert.Equal(list.Items.Count.ToString("N0", CultureInfo.InvariantCulture), await map.Page.InnerTextAsync("#rectification-count"));
        var expected = list.Items
            .Select(i => $"{i.SchoolCode}|{i.OpenedTerm}|{(i.ClosedTerm.Length > 0 ? i.ClosedTerm : "未销号 not closed by the horizon")}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Select(r => $"{r[0]}|{r[1]}|{r[2]}").Order(StringComparer.Ordinal));
        Log(await map.ScreenshotAsync("rectification"));
        await map.AssertNoErrorsAsync();
    }
}
