using System.Globalization;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>AssessSchool through gRPC: every item with its value, threshold and gap, before and after redistribution.</summary>
[Collection(AssessmentCollection.Name)]
public sealed class SchoolAssessmentTests(AssessmentRuns runs)
{
    /// <summary>DOMAIN.md, table of the seven indicators: primary thresholds in indicator order.</summary>
    private static readonly double[] PrimaryThresholds = [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3];

    /// <summary>DOMAIN.md, table of the seven indicators: junior thresholds in indicator order.</summary>
    private static readonly double[] JuniorThresholds = [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4];

    private Task<SchoolAssessment> AssessAsync(Run run, string term, string code) =>
        runs.Assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = run.Id, Term = term, SchoolCode = code }).ResponseAsync;

    [Fact]
    public async Task AssessSchool_OvercrowdedSchoolInKeepCurrentBaseTerm_FailsSizeOrClassesAndShowsGaps()
    {
        var school = (await runs.AllSchoolsAsync()).Single(s => s.Code == AssessmentRuns.Overcrowded);
        var row = (await runs.TermAsync(runs.Keep, "2020-autumn")).Schools.Single(s => s.SchoolCode == school.Code);

        var assessed = await AssessAsync(runs.Keep, "2020-autumn", school.Code);

        var part = Assert.Single(assessed.Parts);
        Assert.Equal(SchoolPart.Primary, part.Part);
        Assert.Equal(row.Total, part.Students);
        Assert.Equal(school.Name, assessed.SchoolName);
        // DOMAIN.md: ≤ 2,000 students per primary school and ≤ 45 per class in grades 1–6.
        Assert.True(part.Students > 2000, $"{part.Students} students");
        Assert.False(part.SizeOk);
        Assert.False(part.ClassesOk && part.SizeOk);
        Assert.Equal(Expected.Indicators, part.Indicators.Select(i => i.Indicator));
        foreach (var i in part.Indicators)
        {
            var amount = Expected.AmountAt(school, SchoolPart.Primary, "2020-autumn", i.Indicator, []);
            var per = Expected.Per(i.Indicator);
            Assert.Equal(PrimaryThresholds[(int)i.Indicator - 1], i.Threshold);
            Assert.Equal(amount * per / part.Students, i.Value, 9);
            Assert.Equal(i.Value >= i.Threshold, i.Met);
            if (i.Met)
            {
                Assert.Equal(0, i.Gap);
                Assert.Empty(i.GapText);
                continue;
            }
            // The gap is what brings the value to the threshold: whole teachers, m², yuan or rooms.
            Assert.Equal(Math.Ceiling(i.Threshold * part.Students / per - amount), i.Gap);
            Assert.True((amount + i.Gap) * per / part.Students >= i.Threshold);
            Assert.Contains(i.Gap.ToString("#,0", CultureInfo.InvariantCulture) + " ", i.GapText + " ");
        }
        Assert.Contains(part.Indicators, i => i.Gap > 0);
    }

    [Fact]
    public async Task AssessSchool_OvercrowdedSchoolAfterRedistribution_PerStudentValuesImprove()
    {
        var before = Assert.Single((await AssessAsync(runs.Keep, "2020-autumn", AssessmentRuns.Overcrowded)).Parts);

        var after = Assert.Single((await AssessAsync(runs.Plan, "2021-autumn", AssessmentRuns.Overcrowded)).Parts);

        Assert.True(after.Students < before.Students, $"{before.Students} → {after.Students} students");
        Assert.True(after.SizeOk);
        for (var k = 0; k < 7; k++)
        {
            Assert.True(after.Indicators[k].Value > before.Indicators[k].Value,
                $"{after.Indicators[k].Indicator}: {before.Indicators[k].Value} → {after.Indicators[k].Value}");
            Assert.True(after.Indicators[k].Gap <= before.Indicators[k].Gap);
        }
    }

    [Fact]
    public async Task AssessSchool_ScheduledAddResources_CountFromTheirTermOn()
    {
        var school = (await runs.AllSchoolsAsync()).Single(s => s.Code == AssessmentRuns.Equipped);
        var added = AssessmentRuns.Added;

        foreach (var term in new[] { "2021-spring", AssessmentRuns.AddedFrom })
        {
            var students = Expected.Students(
                (await runs.TermAsync(runs.Plan, term)).Schools.Single(s => s.SchoolCode == school.Code), SchoolPart.Primary);
            var part = Assert.Single((await AssessAsync(runs.Plan, term, school.Code)).Parts);
            var counted = term == AssessmentRuns.AddedFrom;
            Assert.Equal(students, part.Students);
            foreach (var i in part.Indicators)
            {
                var stock = Expected.AmountAt(school, SchoolPart.Primary, term, i.Indicator, []);
                var extra = counted ? Expected.Amount(added, i.Indicator) : 0;
                Assert.Equal((stock + extra) * Expected.Per(i.Indicator) / students, i.Value, 9);
            }
        }
    }

    [Fact]
    public async Task AssessSchool_NineYearSchool_PrimaryAndJuniorPartsUnderTheirOwnThresholds()
    {
        var nineYear = (await runs.AllSchoolsAsync()).First(s => s.Level == SchoolLevel.NineYear);

        var row = (await runs.TermAsync(runs.Keep, "2020-autumn")).Schools.Single(s => s.SchoolCode == nineYear.Code);

        var assessed = await AssessAsync(runs.Keep, "2020-autumn", nineYear.Code);

        Assert.Equal([SchoolPart.Primary, SchoolPart.Junior], assessed.Parts.Select(p => p.Part));
        Assert.Equal(PrimaryThresholds, assessed.Parts[0].Indicators.Select(i => i.Threshold));
        Assert.Equal(JuniorThresholds, assessed.Parts[1].Indicators.Select(i => i.Threshold));
        Assert.Equal(Expected.Students(row, SchoolPart.Primary), assessed.Parts[0].Students);
        Assert.Equal(Expected.Students(row, SchoolPart.Junior), assessed.Parts[1].Students);
        // DOMAIN.md: a nine-year school may have 2,500 students over both parts.
        Assert.All(assessed.Parts, p => Assert.Equal(row.Total <= 2500, p.SizeOk));
    }
}
