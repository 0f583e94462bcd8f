using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>AssessDistrict through gRPC on stored Baodi runs, recomputed from DOMAIN.md's formula.</summary>
[Collection(AssessmentCollection.Name)]
public sealed class DistrictAssessmentTests(AssessmentRuns runs)
{
    [Theory]
    [InlineData("keep", "2020-autumn")]
    [InlineData("keep", "2021-autumn")]
    [InlineData("plan", "2021-autumn")]
    public async Task AssessDistrict_StoredRun_EveryCoefficientEqualsTheEnrolmentWeightedFormula(string which, string term)
    {
        var run = which == "keep" ? runs.Keep : runs.Plan;
        var additions = which == "plan"
            ? new Dictionary<string, Resources[]> { [AssessmentRuns.Equipped] = [AssessmentRuns.Added] }
            : [];
        var schools = (await runs.AllSchoolsAsync()).ToDictionary(s => s.Code);
        var result = await runs.TermAsync(run, term);

        var district = await runs.Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = run.Id, Term = term });

        Assert.Equal([SchoolPart.Primary, SchoolPart.Junior], district.Parts.Select(p => p.Part));
        foreach (var part in district.Parts)
        {
            // DOMAIN.md: ceilings 0.50 over primary parts, 0.45 over junior parts; nine-year schools count in both.
            var ceiling = part.Part == SchoolPart.Primary ? 0.50 : 0.45;
            var parts = result.Schools.Count(s =>
                s.Open && Expected.Teaches(schools[s.SchoolCode], part.Part) && Expected.Students(s, part.Part) > 0);
            Assert.Equal(parts, part.Schools);
            Assert.InRange(part.SchoolsMeetingAll, 0, part.Schools);
            Assert.Equal(Expected.Indicators, part.Coefficients.Select(c => c.Indicator));
            foreach (var c in part.Coefficients)
            {
                var expected = Expected.Coefficient(result, schools, part.Part, c.Indicator, additions);
                Assert.True(Math.Abs(expected - c.Value) <= 1e-9 * Math.Max(1, expected),
                    $"{part.Part} {c.Indicator}: server {c.Value}, DOMAIN.md formula {expected}");
                Assert.Equal(ceiling, c.Ceiling);
                Assert.Equal(c.Value <= ceiling, c.Met);
                Assert.InRange(c.TopContributors.Count, 1, 3);
                Assert.All(c.TopContributors, code => Assert.True(Expected.Teaches(schools[code], part.Part)));
            }
        }
    }

    [Fact]
    public async Task AssessDistrict_KeepCurrentBaseTerm_FailsAndCountsMatchTheSchoolAssessments()
    {
        const string term = "2020-autumn";
        var district = await runs.Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = runs.Keep.Id, Term = term });
        var result = await runs.TermAsync(runs.Keep, term);

        var meeting = new Dictionary<SchoolPart, int> { [SchoolPart.Primary] = 0, [SchoolPart.Junior] = 0 };
        foreach (var school in result.Schools.Where(s => s.Open && s.Total > 0))
        {
            var assessed = await runs.Assessment.AssessSchoolAsync(new AssessSchoolRequest
            {
                RunId = runs.Keep.Id, Term = term, SchoolCode = school.SchoolCode,
            });
            foreach (var part in assessed.Parts.Where(p => p.Students > 0 && p.SixOfSeven && p.SizeOk && p.ClassesOk))
            {
                meeting[part.Part]++;
            }
        }

        // DOMAIN.md: schools over 2,000 and classes over 45 / 50 before redistribution, so no pass.
        Assert.False(district.Passes);
        Assert.All(district.Parts, p => Assert.Equal(meeting[p.Part], p.SchoolsMeetingAll));
        Assert.True(district.Parts.Single(p => p.Part == SchoolPart.Primary).SchoolsMeetingAll
                    < district.Parts.Single(p => p.Part == SchoolPart.Primary).Schools);
    }
}
