using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

// DOMAIN.md, "a nine-year school follows the primary rule for 1–6 and the junior rule for 7–9" and
// "Nine-year schools are split into a primary part and a junior part for these statistics".
public class NineYearTests
{
    // 600 students in grades 1–6 (100 each, 3 classes) and 300 in grades 7–9 (100 each, 2 classes of 50).
    private static readonly int[] Students = [100, 100, 100, 100, 100, 100, 100, 100, 100];
    private static readonly int[] Classes = [3, 3, 3, 3, 3, 3, 2, 2, 2];

    // Degree teachers: primary 26 / 600 × 100 = 4.33 ≥ 4.2; junior 16 / 300 × 100 = 5.33 ≥ 5.3
    // (DOMAIN.md table row 1). Every other indicator is met with whole units to spare.
    private static SchoolAssessment Assess(int primaryDegreeTeachers, int juniorDegreeTeachers) =>
        SchoolAssessor.Assess(SchoolInput.Create(
            "N",
            Students,
            Classes,
            Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 600), Indicator.DegreeTeachers, primaryDegreeTeachers),
            Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Junior, 300), Indicator.DegreeTeachers, juniorDegreeTeachers)));

    [Fact]
    public void Assess_NineYearSchool_SplitIntoPrimaryAndJuniorParts()
    {
        var school = Assess(26, 16);

        Assert.True(school.IsNineYear);
        Assert.Equal([SchoolPart.Primary, SchoolPart.Junior], school.Parts.Select(p => p.Part));
        Assert.Equal(600, school.PartOf(SchoolPart.Primary)!.Students);
        Assert.Equal(300, school.PartOf(SchoolPart.Junior)!.Students);
        Assert.Equal(Enumerable.Range(1, 6), school.PartOf(SchoolPart.Primary)!.Grades.Select(g => g.Grade));
        Assert.Equal(Enumerable.Range(7, 3), school.PartOf(SchoolPart.Junior)!.Grades.Select(g => g.Grade));
    }

    [Fact]
    public void Assess_NineYearSchool_EachPartAgainstItsOwnThresholds()
    {
        var school = Assess(26, 16);

        // DOMAIN.md table row 1: 4.2 primary, 5.3 junior; row 6: 2000 / 2500 yuan.
        Assert.Equal(4.2, school.PartOf(SchoolPart.Primary)![Indicator.DegreeTeachers].Threshold);
        Assert.Equal(5.3, school.PartOf(SchoolPart.Junior)![Indicator.DegreeTeachers].Threshold);
        Assert.Equal(2000, school.PartOf(SchoolPart.Primary)![Indicator.EquipmentValue].Threshold);
        Assert.Equal(2500, school.PartOf(SchoolPart.Junior)![Indicator.EquipmentValue].Threshold);
        Assert.Equal(Outcome.Met, school.PartOf(SchoolPart.Primary)![Indicator.DegreeTeachers].Outcome);
        Assert.Equal(Outcome.Met, school.PartOf(SchoolPart.Junior)![Indicator.DegreeTeachers].Outcome);
    }

    [Fact]
    public void Assess_JuniorPartShortOfDegreeTeachers_OnlyJuniorIndicatorNotMet()
    {
        // 15 / 300 × 100 = 5.0 < 5.3 junior threshold; 5.3 × 3 = 15.9 → 1 teacher to hire.
        var school = Assess(26, 15);

        Assert.Equal(Outcome.Met, school.PartOf(SchoolPart.Primary)![Indicator.DegreeTeachers].Outcome);
        Assert.Equal(Outcome.NotMet, school.PartOf(SchoolPart.Junior)![Indicator.DegreeTeachers].Outcome);
        Assert.Equal(1, school.PartOf(SchoolPart.Junior)![Indicator.DegreeTeachers].Gap);
    }

    [Fact]
    public void Assess_NineYearSchool_ClassLimitsFollowGradeNotSchool()
    {
        // 100 students in 2 classes: 50 per class — within 50 in grades 7–9, over 45 in grades 1–6.
        var input = SchoolInput.Create(
            "N",
            Students,
            [2, 3, 3, 3, 3, 3, 2, 2, 2],
            Fixtures.Sufficient(SchoolPart.Primary, 600),
            Fixtures.Sufficient(SchoolPart.Junior, 300));

        var school = SchoolAssessor.Assess(input);

        Assert.False(school.PartOf(SchoolPart.Primary)!.Grades.Single(g => g.Grade == 1).Met);
        Assert.True(school.PartOf(SchoolPart.Junior)!.ClassesMet);
        Assert.All(school.PartOf(SchoolPart.Junior)!.Grades, g => Assert.Equal(50, g.LargestClass));
    }

    [Fact]
    public void Assess_PartListingGradeOfOtherPart_Throws()
    {
        var input = new SchoolInput("X", [new PartInput(SchoolPart.Primary, Resources.Zero, [new GradeCount(7, 10, 1)])]);

        Assert.Throws<ArgumentException>(() => SchoolAssessor.Assess(input));
    }

    [Fact]
    public void Assess_SamePartTwice_Throws()
    {
        var part = new PartInput(SchoolPart.Primary, Resources.Zero, [new GradeCount(1, 10, 1)]);

        Assert.Throws<ArgumentException>(() => SchoolAssessor.Assess(new SchoolInput("X", [part, part])));
    }
}
