using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>
/// The grade bands are the server's (issue 11): which grades a level has, the grade count and the
/// levels' labels come from GetRules' grade_bands alone. The server cannot be configured with other
/// bands (they are Planning.Engine.Rules.Grades, not a "Standard" setting), so besides reading the
/// page against the real answer, a page gets the real answer with its bands moved, on its way.
/// </summary>
public sealed partial class WebMapTests
{
    private const string GetRulesMethod = "planning.v1.RulesService/GetRules";

    [Fact]
    public async Task Bands_ServerAnswer_LevelButtonsStateTheBandsGetRulesReturns()
    {
        var rules = await _truth.RulesAsync();
        await using var map = await fixture.OpenAsync("run=base");
        await map.IdleAsync();

        Assert.Equal(PartLabel(rules, SchoolPart.Primary), await map.Page.InnerTextAsync("#part-primary-label"));
        Assert.Equal(PartLabel(rules, SchoolPart.Junior), await map.Page.InnerTextAsync("#part-junior-label"));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Bands_GetRulesAnswerMovedToFiveFour_LabelsSchoolGradesAndTitlesFollowIt()
    {
        var served = await _truth.RulesAsync();
        // 五四制 (five primary grades, four junior, as in Shanghai): the first junior grade one earlier.
        var moved = MoveJuniorStartEarlier(served);
        Assert.NotEqual(PartLabel(served, SchoolPart.Primary), PartLabel(moved, SchoolPart.Primary));

        var map = await fixture.NewPageAsync();
        await using (map)
        {
            await map.Page.RouteAsync($"**/{GetRulesMethod}", route => AnswerWithMovedBandsAsync(route));
            await map.Page.GotoAsync(fixture.AddressWith("run=base", fixture.Server.AdminKey));
            await map.WaitReadyAsync();
            await map.IdleAsync();

            Assert.Equal(PartLabel(moved, SchoolPart.Primary), await map.Page.InnerTextAsync("#part-primary-label"));
            Assert.Equal(PartLabel(moved, SchoolPart.Junior), await map.Page.InnerTextAsync("#part-junior-label"));

            // A school's grade table has the grades of the levels it teaches, by the moved bands.
            var schools = await _truth.SchoolsAsync();
            foreach (var (level, part) in new[] { (SchoolLevel.Primary, SchoolPart.Primary), (SchoolLevel.Junior, SchoolPart.Junior) })
            {
                var school = schools.Where(s => s.Level == level).MaxBy(s => s.Enrolment.Sum())!;
                await map.ZoomToAsync(school.Lon, school.Lat, 15);
                await map.ClickSchoolAsync(school.Code);
                await map.Page.WaitForSelectorAsync($"#info h3[data-school='{school.Code}']");
                var shown = await map.Page.EvalOnSelectorAllAsync<int[]>(
                    "#school-grades tr[data-row=enrolment] td[data-grade]", "cs => cs.map(c => Number(c.dataset.grade))");
                Assert.Equal(GradesOf(moved, part), shown);
                Assert.Contains(ClassLimitsText(moved), await map.Page.InnerTextAsync("#info"));
            }

            // Side by side, each map is titled with the level and its grades.
            await map.Page.SelectOptionAsync("#compare-mode", "side");
            await map.Page.SelectOptionAsync("#compare-run", fixture.BeforeRun.Id);
            await map.IdleAsync();
            foreach (var panel in new[] { "#map-a", "#map-b" })
            {
                Assert.EndsWith(PartLabel(moved, SchoolPart.Primary), await map.Page.InnerTextAsync($"{panel} .panel-title"));
            }

            // One GetRules per page load, shared by every place that needs the bands.
            Assert.Equal(1, map.Calls.Count(c => c.Method == GetRulesMethod));
            Log(await map.ScreenshotAsync("bands-five-four"));
            await map.AssertNoErrorsAsync();
        }
    }

    /// <summary>The page's label of a level: its name and the band's first and last grade from the rules.</summary>
    private static string PartLabel(Rules rules, SchoolPart part)
    {
        var band = rules.GradeBands.Single(b => b.Part == part);
        var name = part == SchoolPart.Primary ? "小学 primary" : "初中 junior";
        return $"{name} ({band.FirstGrade}–{band.LastGrade})";
    }

    private static int[] GradesOf(Rules rules, SchoolPart part)
    {
        var band = rules.GradeBands.Single(b => b.Part == part);
        return [.. Enumerable.Range(band.FirstGrade, band.LastGrade - band.FirstGrade + 1)];
    }

    private static string ClassLimitsText(Rules rules) =>
        string.Join(" / ", rules.GradeBands.OrderBy(b => b.FirstGrade).Select(b => $"{b.ClassLimit} ({b.FirstGrade}–{b.LastGrade})"));

    private static Rules MoveJuniorStartEarlier(Rules rules)
    {
        var moved = rules.Clone();
        moved.GradeBands.Single(b => b.Part == SchoolPart.Primary).LastGrade--;
        moved.GradeBands.Single(b => b.Part == SchoolPart.Junior).FirstGrade--;
        return moved;
    }

    /// <summary>
    /// Sends the page's GetRules on to the server and hands the page the server's answer with its bands
    /// moved. A gRPC-Web body is frames of a flag byte, a big-endian length and the bytes: the message
    /// (flag 0), then the trailers (flag 0x80), which pass unchanged.
    /// </summary>
    private static async Task AnswerWithMovedBandsAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        var body = await response.BodyAsync();
        Assert.Equal(0, body[0]);
        var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1, 4));
        var message = MoveJuniorStartEarlier(Rules.Parser.ParseFrom(body.AsSpan(5, length))).ToByteArray();
        var framed = new byte[5 + message.Length + body.Length - 5 - length];
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1, 4), message.Length);
        message.CopyTo(framed, 5);
        body.AsSpan(5 + length).CopyTo(framed.AsSpan(5 + message.Length));
        await route.FulfillAsync(new RouteFulfillOptions { Response = response, BodyBytes = framed });
    }
}
