using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

public class ZeroEnrolmentTests
{
    private static readonly int[] None = [0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void AssessIndicator_NoStudents_NotApplicableWithoutValue()
    {
        var result = SchoolAssessor.AssessIndicator(SchoolPart.Primary, Indicator.SportsArea, 0, 1200);

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Null(result.Value);
        Assert.Null(result.Attainment);
        Assert.Equal(0, result.Gap);
    }

    [Fact]
    public void Assess_SchoolNotYetOpen_PartsNotApplicableAndNothingFails()
    {
        var school = SchoolAssessor.Assess(SchoolInput.Create("NEW", None, None, Resources.Zero, null));

        var part = school.Parts.Single();
        Assert.Equal(0, part.Students);
        Assert.All(part.Indicators, i => Assert.Equal(Outcome.NotApplicable, i.Outcome));
        Assert.Equal(Outcome.NotApplicable, part.ResourceOutcome);
        Assert.True(school.MeetsAll());
        Assert.Empty(Rectification.OpenItems(school));
    }

    [Fact]
    public void Assess_NineYearSchoolWithoutJuniorStudentsYet_OnlyPrimaryAssessed()
    {
        int[] students = [100, 100, 0, 0, 0, 0, 0, 0, 0];
        int[] classes = [3, 3, 0, 0, 0, 0, 0, 0, 0];

        var school = SchoolAssessor.Assess(SchoolInput.Create(
            "N", students, classes, Fixtures.Sufficient(SchoolPart.Primary, 200), Resources.Zero));

        Assert.Equal(Outcome.Met, school.PartOf(SchoolPart.Primary)!.ResourceOutcome);
        Assert.Equal(Outcome.NotApplicable, school.PartOf(SchoolPart.Junior)!.ResourceOutcome);
        Assert.Equal(2500, school.SizeLimit);
    }

    [Fact]
    public void AssessDistrict_EmptySchoolAmongOthers_LeftOutOfCoefficientAndCounts()
    {
        var open = SchoolAssessor.Assess(Fixtures.PrimaryOf("A", 100, Fixtures.Sufficient(SchoolPart.Primary, 100)));
        var empty = SchoolAssessor.Assess(SchoolInput.Create("B", None, None, Resources.Zero, null));

        var level = DistrictAssessment.Assess([open, empty])[SchoolPart.Primary];

        Assert.Equal(1, level.PartsAssessed);
        Assert.Equal(1, level.PartsMeetingAll);
        Assert.All(level.Coefficients, c => Assert.Equal(0, c.Coefficient));
        Assert.Equal(Outcome.Met, level.Outcome);
    }

    [Fact]
    public void AssessDistrict_NoJuniorStudents_JuniorLevelNotApplicable()
    {
        var open = SchoolAssessor.Assess(Fixtures.PrimaryOf("A", 100, Fixtures.Sufficient(SchoolPart.Primary, 100)));

        var district = DistrictAssessment.Assess([open]);

        Assert.Equal(Outcome.NotApplicable, district[SchoolPart.Junior].Outcome);
        Assert.All(district[SchoolPart.Junior].Coefficients, c => Assert.Null(c.Coefficient));
        Assert.Equal(Outcome.Met, district.Outcome);
    }

    [Fact]
    public void DifferenceCoefficient_EverySchoolAtZero_CoefficientUndefined()
    {
        var result = DifferenceCoefficient.Compute([new WeightedValue("A", 100, 0), new WeightedValue("B", 300, 0)]);

        Assert.Equal(0, result.Mean);
        Assert.Null(result.Coefficient);
    }
}
