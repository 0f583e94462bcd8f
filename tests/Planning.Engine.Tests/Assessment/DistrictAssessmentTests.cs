using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

public class DistrictAssessmentTests
{
    private static SchoolAssessment Primary(string code, int students, Resources? resources = null) =>
        SchoolAssessor.Assess(Fixtures.PrimaryOf(code, students, resources ?? Fixtures.Sufficient(SchoolPart.Primary, students)));

    [Fact]
    public void Assess_EverySchoolMeetsEverything_DistrictMet()
    {
        var district = DistrictAssessment.Assess([Primary("A", 100), Primary("B", 200)]);

        Assert.Equal(2, district[SchoolPart.Primary].PartsAssessed);
        Assert.Equal(2, district[SchoolPart.Primary].PartsMeetingAll);
        Assert.Equal(Outcome.Met, district.Outcome);
    }

    [Fact]
    public void Assess_OneSchoolFailsResourceRule_CountedAndDistrictNotMet()
    {
        // DOMAIN.md 6-of-7 rule: two indicators at zero fail it.
        var poor = Fixtures.Replace(Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 100), Indicator.FloorArea, 0), Indicator.SportsArea, 0);

        var level = DistrictAssessment.Assess([Primary("A", 100), Primary("B", 100, poor)])[SchoolPart.Primary];

        Assert.Equal(2, level.PartsAssessed);
        Assert.Equal(1, level.PartsMeetingResourceRule);
        Assert.Equal(1, level.PartsMeetingAll);
        Assert.Equal(Outcome.NotMet, level.Outcome);
    }

    [Fact]
    public void Assess_SchoolOverSizeButResourcesMet_NotMeetingAll()
    {
        // DOMAIN.md "primary and junior schools ≤ 2,000 students": 6 × 350 = 2,100.
        var big = SchoolAssessor.Assess(Fixtures.Primary("BIG", 350, 8, Fixtures.Sufficient(SchoolPart.Primary, 2100)));

        var level = DistrictAssessment.Assess([big])[SchoolPart.Primary];

        Assert.Equal(1, level.PartsMeetingResourceRule);
        Assert.Equal(0, level.PartsMeetingAll);
        Assert.Equal(Outcome.NotMet, level.Outcome);
    }

    [Fact]
    public void Assess_NineYearSchool_CountsOnceInEachLevel()
    {
        var nineYear = SchoolAssessor.Assess(SchoolInput.Create(
            "N",
            [100, 100, 100, 100, 100, 100, 100, 100, 100],
            [3, 3, 3, 3, 3, 3, 2, 2, 2],
            Fixtures.Sufficient(SchoolPart.Primary, 600),
            Fixtures.Sufficient(SchoolPart.Junior, 300)));

        var district = DistrictAssessment.Assess([nineYear, Primary("A", 100)]);

        Assert.Equal(2, district[SchoolPart.Primary].PartsAssessed);
        Assert.Equal(1, district[SchoolPart.Junior].PartsAssessed);
        var contributors = district[SchoolPart.Primary].Coefficients.SelectMany(c => c.Statistic.Contributions);
        Assert.Contains(contributors, c => c.Code == "N" && c.Students == 600);
    }

    [Fact]
    public void Assess_TopContributorsLimit_NamesAtMostThatMany()
    {
        List<SchoolAssessment> schools =
        [
            Primary("A", 100, Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 100), Indicator.EquipmentValue, 100_000)),
            Primary("B", 100, Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 100), Indicator.EquipmentValue, 300_000)),
            Primary("C", 100, Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 100), Indicator.EquipmentValue, 900_000)),
        ];

        var equipment = DistrictAssessment.Assess(schools, topContributors: 1)[SchoolPart.Primary].Coefficients[(int)Indicator.EquipmentValue];

        // Values 1,000 / 3,000 / 9,000 yuan per student, X̄ = 4,333: C is furthest away.
        Assert.Equal(["C"], equipment.TopContributors.Select(c => c.Code));
    }

    [Fact]
    public void Assess_DuplicateSchoolCodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => DistrictAssessment.Assess([Primary("A", 100), Primary("A", 200)]));
    }
}
