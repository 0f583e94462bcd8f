using System.Globalization;
using System.Text.Json;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>Finding things: the problem schools table, search, the home button and the north arrow.</summary>
public sealed partial class WebMapTests
{
    [Fact]
    public async Task Problem_schools_table_lists_the_servers_over_limit_schools_and_sorts_by_a_column()
    {
        // "before" in its last term: no redistribution, so schools over their limits.
        var run = fixture.BeforeRun;
        var term = run.Terms[^1];
        var result = await _truth.TermResultAsync(run, term);
        var bySchool = result.Violations.Where(v => v.SchoolCode.Length > 0).GroupBy(v => v.SchoolCode).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Contains(result.Violations, v => v.Kind == ViolationKind.SchoolSize);
        await using var map = await fixture.OpenAsync($"run={run.Id}&term={term}");

        await map.Page.ClickAsync("#open-problems");
        await map.Page.WaitForSelectorAsync("#problem-table");

        var rows = await ProblemRowsAsync(map);
        Assert.Equal(bySchool.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var school = result.Schools.Single(s => s.SchoolCode == row.Code);
            var violations = bySchool[row.Code];
            Assert.Equal(school.Total, row.Students);
            Assert.Equal(school.SizeLimit, row.Limit); // the server's limit, 2,000 or 2,500
            Assert.Equal(violations.Count(v => v.Kind == ViolationKind.ClassSize), row.Grades);
            Assert.Equal((int)violations.Where(v => v.Kind == ViolationKind.SeatsShort).Sum(v => v.Value - v.Limit), row.SeatsShort);
        }
        Assert.Contains(rows, r => r.Students > r.Limit);
        // Students, largest first by default; a click on the header turns the order round.
        Assert.Equal(rows.Select(r => r.Students).OrderDescending(), rows.Select(r => r.Students));
        await map.Page.ClickAsync("#problem-table th[data-sort='students']");
        Assert.Equal(rows.Select(r => r.Students).Order(), (await ProblemRowsAsync(map)).Select(r => r.Students));
        await map.Page.ClickAsync("#problem-table th[data-sort='seatsShort']");
        Assert.Equal(rows.Select(r => r.SeatsShort).OrderDescending(), (await ProblemRowsAsync(map)).Select(r => r.SeatsShort));
        Log(await map.ScreenshotAsync("problem-schools"));

        // A school's name in the table opens it on the map.
        var first = (await ProblemRowsAsync(map))[0];
        await map.Page.ClickAsync($"#problem-table tr[data-school='{first.Code}'] a");
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{first.Code}']");
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Problem_schools_of_the_base_data_are_judged_by_the_servers_rules()
    {
        var rules = await _truth.RulesAsync();
        var schools = await _truth.SchoolsAsync();
        int Limit(School s) => s.Level == SchoolLevel.NineYear ? rules.NineYearSizeLimit : rules.SchoolSizeLimit;
        var overSize = schools.Where(s => s.Enrolment.Sum() > Limit(s)).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(overSize);
        await using var map = await fixture.OpenAsync("run=base");

        await map.Page.ClickAsync("#open-problems");
        await map.Page.WaitForSelectorAsync("#problem-table");

        var rows = await ProblemRowsAsync(map);
        Assert.Equal(overSize, rows.Where(r => r.Students > r.Limit).Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(Limit(schools.Single(s => s.Code == r.Code)), r.Limit));
        Assert.All(rows, r => Assert.Equal(schools.Single(s => s.Code == r.Code).Enrolment.Sum(), r.Students));
        await map.AssertNoErrorsAsync();
    }

    private sealed record ProblemRow(string Code, int Students, int Limit, int Grades, int SeatsShort);

    private static async Task<List<ProblemRow>> ProblemRowsAsync(MapPage map)
    {
        var rows = await map.Page.EvalOnSelectorAllAsync<JsonElement>(
            "#problem-table tbody tr",
            "rs => rs.map(r => ({ code: r.dataset.school, students: r.querySelector('[data-col=students]').textContent, " +
            "limit: r.querySelector('[data-col=limit]').textContent, grades: Number(r.querySelector('[data-col=grades]').dataset.count), " +
            "seatsShort: r.querySelector('[data-col=seats-short]').textContent }))");
        static int Number(JsonElement e, string name) =>
            e.GetProperty(name).GetString() is { Length: > 0 } s ? int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 0;
        return [.. rows.EnumerateArray().Select(r => new ProblemRow(
            r.GetProperty("code").GetString()!, Number(r, "students"), Number(r, "limit"), r.GetProperty("grades").GetInt32(), Number(r, "seatsShort")))];
    }

    [Fact]
    public async Task Search_finds_a_school_an_area_and_a_town_by_name_or_code_and_shows_it()
    {
        var schools = await _truth.SchoolsAsync();
        var areas = await _truth.AreasAsync();
        var towns = (await fixture.Geography.ListAdminAreasAsync(new ListAdminAreasRequest { IncludeGeometry = true })).AdminAreas;
        await using var map = await fixture.OpenAsync();

        // A school by its name.
        var school = schools.First(s => s.Level == SchoolLevel.Junior);
        await map.Page.FillAsync("#search", school.Name);
        await map.Page.ClickAsync($"#search-results li[data-kind='school'][data-code='{school.Code}']");
        await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school.Code}']");
        await map.IdleAsync();
        var view = await ViewAsync(map);
        Assert.Equal(school.Lon, view.Center[0], 4);
        Assert.Equal(school.Lat, view.Center[1], 4);

        // An area by its code (Enter takes the first hit: the exact code).
        var area = areas.First(a => a.Kind == ResidentialAreaKind.Village);
        await map.Page.FillAsync("#search", area.Code);
        await map.Page.PressAsync("#search", "Enter");
        await map.Page.WaitForSelectorAsync($"#info h3[data-area='{area.Code}']");
        await map.IdleAsync();
        Assert.Equal(area.Code, (await map.SelectedAreaAsync())!.Code);
        view = await ViewAsync(map);
        Assert.True(Inside(area.CentroidLon, area.CentroidLat, view.Extent), "the area is not in view");

        // A town by its name: the whole town in view.
        var town = towns.First(t => t.Kind == AdminAreaKind.Town);
        await map.Page.FillAsync("#search", town.Name);
        await map.Page.ClickAsync($"#search-results li[data-kind='admin'][data-code='{town.Code}']");
        await map.IdleAsync();
        view = await ViewAsync(map);
        var box = Bounds(town.GeometryGeojson);
        Assert.True(Inside(box[0], box[1], view.Extent) && Inside(box[2], box[3], view.Extent), "the town is not wholly in view");
        Assert.True(view.Extent[2] - view.Extent[0] < 3 * (box[2] - box[0]) || view.Extent[3] - view.Extent[1] < 3 * (box[3] - box[1]),
            "the view is not fitted on the town");
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Home_button_shows_the_whole_district_and_the_north_arrow_turns_with_the_map()
    {
        var district = await fixture.Geography.GetDistrictAsync(new GetDistrictRequest { IncludeGeometry = true });
        var box = Bounds(district.GeometryGeojson);
        await using var map = await fixture.OpenAsync();
        await map.ZoomToAsync(117.305, 39.722, 15);
        Assert.False(Inside(box[0], box[1], (await ViewAsync(map)).Extent));

        await map.Page.ClickAsync("#map-a .ol-home button");
        await map.IdleAsync();
        var view = await ViewAsync(map);
        Assert.True(Inside(box[0], box[1], view.Extent) && Inside(box[2], box[3], view.Extent), "the district is not wholly in view");

        // The north arrow: shown, upright; turned with the map; a click turns north up again.
        var arrow = map.Page.Locator("#map-a .north-arrow button");
        Assert.True(await arrow.IsVisibleAsync());
        Assert.Contains("North", await arrow.GetAttributeAsync("title") ?? "");
        await map.Page.EvaluateAsync("() => window.planningMap.rotate(Math.PI / 2)");
        var transform = await map.Page.EvalOnSelectorAsync<string>("#map-a .north-arrow-label", "e => getComputedStyle(e).transform");
        var m = transform.Replace("matrix(", "").TrimEnd(')').Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(Math.Abs(m[0]) < 1e-6 && Math.Abs(m[1] - 1) < 1e-6, $"the arrow is not turned a quarter: {transform}");
        await arrow.ClickAsync();
        await map.Page.WaitForFunctionAsync("() => window.planningMap.view().rotation === 0");
        Log(await map.ScreenshotAsync("home-north"));
        await map.AssertNoErrorsAsync();
    }

    private sealed record MapView(double[] Center, double Zoom, double Rotation, double[] Extent);

    private static async Task<MapView> ViewAsync(MapPage map) =>
        (await map.Page.EvaluateAsync<JsonElement>("() => window.planningMap.view()")).Deserialize<MapView>(MapPage.JsonOptions)!;

    private static bool Inside(double lon, double lat, double[] extent) =>
        lon >= extent[0] && lon <= extent[2] && lat >= extent[1] && lat <= extent[3];

    /// <summary>West, south, east, north of a GeoJSON geometry.</summary>
    private static double[] Bounds(string geojson)
    {
        double w = double.MaxValue, s = double.MaxValue, e = double.MinValue, n = double.MinValue;
        void Walk(JsonElement x)
        {
            if (x.ValueKind != JsonValueKind.Array)
            {
                return;
            }
            if (x.GetArrayLength() >= 2 && x[0].ValueKind == JsonValueKind.Number)
            {
                w = Math.Min(w, x[0].GetDouble());
                e = Math.Max(e, x[0].GetDouble());
                s = Math.Min(s, x[1].GetDouble());
                n = Math.Max(n, x[1].GetDouble());
                return;
            }
            foreach (var c in x.EnumerateArray())
            {
                Walk(c);
            }
        }
        using var doc = JsonDocument.Parse(geojson);
        Walk(doc.RootElement.GetProperty("coordinates"));
        return [w, s, e, n];
    }
}
