using System.Globalization;
using System.Text.Json;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>
/// A changed limit is followed by the page (issue 11): a server whose standard is set to other
/// limits (configuration "Standard") answers GetRules with them, and the page judges by GetRules alone.
/// </summary>
public sealed partial class WebMapTests
{
    [Fact]
    public async Task Limits_ServerWithSizeLimit300AndPrimaryClassLimit35_TableAndSchoolPanelShowAndFlagByThem()
    {
        await using var server = await WebMapServer.StartAsync(new Dictionary<string, string>
        {
            ["Standard:SchoolSizeLimit"] = "300",
            ["Standard:PrimaryClassLimit"] = "35",
        });
        var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var rules = await new RulesService.RulesServiceClient(channel).GetRulesAsync(new GetRulesRequest());
        Assert.Equal(300, rules.SchoolSizeLimit);
        var primary = rules.GradeBands.Single(b => b.Part == SchoolPart.Primary);
        Assert.Equal(35, primary.ClassLimit);
        GradeBand BandOf(int grade) => rules.GradeBands.Single(b => grade >= b.FirstGrade && grade <= b.LastGrade);
        int ClassLimit(int grade) => BandOf(grade).ClassLimit;
        var schools = (await new SchoolService.SchoolServiceClient(channel).ListSchoolsAsync(new ListSchoolsRequest())).Schools;
        Assert.Equal(2, schools.Count);
        int Seats(School s, int grade) =>
            (BandOf(grade).Part == SchoolPart.Primary ? s.Capacity[0].PrimaryTracks : s.Capacity[0].JuniorTracks) * ClassLimit(grade);
        int[] GradesOver(School s) => [.. Enumerable.Range(1, s.Enrolment.Count).Where(g => s.Enrolment[g - 1] > Seats(s, g))];
        // Both tiny schools (620 and 420 students) are over 300; grades 1 and 2 of the primary school
        // (120 and 110 students, 3 tracks) over 3 × 35 seats, not over the national 3 × 45 (DOMAIN.md, limits).
        Assert.All(schools, s => Assert.True(s.Enrolment.Sum() > rules.SchoolSizeLimit));
        Assert.Contains(schools, s => GradesOver(s).Length > 0);

        await using var map = await fixture.OpenWithKeyAsync(server.AdminKey, "run=base", server: server);
        await map.Page.ClickAsync("#open-problems");
        await map.Page.WaitForSelectorAsync("#problem-table");
        var rows = await ProblemRowsAsync(map);
        Assert.Equal(schools.Select(s => s.Code).Order(StringComparer.Ordinal), rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var school = schools.Single(s => s.Code == row.Code);
            Assert.Equal(rules.SchoolSizeLimit, row.Limit);
            Assert.Equal(school.Enrolment.Sum(), row.Students);
            Assert.Equal(GradesOver(school).Length, row.Grades);
        }

        foreach (var school in schools)
        {
            await map.ZoomToAsync(school.Lon, school.Lat, 14);
            await map.ClickSchoolAsync(school.Code);
            await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school.Code}']");
            Assert.Equal(rules.SchoolSizeLimit.ToString("N0", CultureInfo.InvariantCulture), await map.Page.InnerTextAsync("#school-size-limit"));
            Assert.Contains("bad", await map.Page.GetAttributeAsync("#school-total", "class") ?? "");
            var cells = await map.Page.EvalOnSelectorAllAsync<JsonElement>(
                "#school-grades tr[data-row=capacity] td[data-grade]",
                "cs => cs.map(c => ({ grade: Number(c.dataset.grade), seats: c.textContent }))");
            Assert.NotEqual(0, cells.GetArrayLength());
            foreach (var c in cells.EnumerateArray())
            {
                var grade = c.GetProperty("grade").GetInt32();
                Assert.Equal(Seats(school, grade).ToString("N0", CultureInfo.InvariantCulture), c.GetProperty("seats").GetString());
            }
            var flagged = await map.Page.EvalOnSelectorAllAsync<int[]>(
                "#school-grades tr[data-row=enrolment] td.over", "cs => cs.map(c => Number(c.dataset.grade))");
            Assert.Equal(GradesOver(school), flagged);
            Assert.Contains($"{primary.ClassLimit} ({primary.FirstGrade}–{primary.LastGrade})", await map.Page.InnerTextAsync("#info"));
        }
        Log(await map.ScreenshotAsync("limits-changed"));
        await map.AssertNoErrorsAsync();
    }
}
