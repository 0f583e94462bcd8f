using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

public class SizeAndClassTests
{
    private static SchoolInput NineYear(int perGrade, int classes) => SchoolInput.Create(
        "N",
        [.. Enumerable.Repeat(perGrade, 9)],
        [.. Enumerable.Repeat(classes, 9)],
        Fixtures.Sufficient(SchoolPart.Primary, 6 * perGrade),
        Fixtures.Sufficient(SchoolPart.Junior, 3 * perGrade));

    [Theory]
    // DOMAIN.md, "primary and junior schools ≤ 2,000 students": 6 grades × 333 = 1,998, × 334 = 2,004.
    [InlineData(333, true)]
    [InlineData(334, false)]
    public void Assess_PrimarySchoolAroundTwoThousand_SizeLimitTwoThousand(int perGrade, bool met)
    {
        var school = SchoolAssessor.Assess(Fixtures.Primary("P", perGrade, 8, Fixtures.Sufficient(SchoolPart.Primary, 6 * perGrade)));

        Assert.Equal(2000, school.SizeLimit);
        Assert.Equal(met, school.SizeMet);
        Assert.Equal(met ? 0 : 4, school.StudentsOverSize);
    }

    [Theory]
    // DOMAIN.md, "primary and junior schools ≤ 2,000": exactly 2,000 passes, 2,001 fails.
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Assess_JuniorSchoolAtEdge_SizeLimitInclusive(int students, bool met)
    {
        var enrolment = new[] { 0, 0, 0, 0, 0, 0, students - 1000, 500, 500 };
        var classes = new[] { 0, 0, 0, 0, 0, 0, 21, 10, 10 };

        var school = SchoolAssessor.Assess(SchoolInput.Create("J", enrolment, classes, null, Fixtures.Sufficient(SchoolPart.Junior, 2100)));

        Assert.Equal(met, school.SizeMet);
    }

    [Theory]
    // DOMAIN.md, "nine-year (九年一贯制) ... schools ≤ 2,500 in the compulsory grades":
    // 9 × 250 = 2,250 and 9 × 277 = 2,493 pass; 9 × 278 = 2,502 fails.
    [InlineData(250, true)]
    [InlineData(277, true)]
    [InlineData(278, false)]
    public void Assess_NineYearSchool_SizeLimitTwoThousandFiveHundred(int perGrade, bool met)
    {
        var school = SchoolAssessor.Assess(NineYear(perGrade, 7));

        Assert.True(school.IsNineYear);
        Assert.Equal(2500, school.SizeLimit);
        Assert.Equal(9 * perGrade, school.Students);
        Assert.Equal(met, school.SizeMet);
    }

    [Fact]
    public void Assess_SameEnrolmentAsPrimaryAndAsNineYear_OnlyNineYearWithinSize()
    {
        // 2,250 students: over 2,000 for a primary school, within 2,500 for a nine-year school (DOMAIN.md).
        var primary = SchoolAssessor.Assess(Fixtures.Primary("P", 375, 9, Fixtures.Sufficient(SchoolPart.Primary, 2250)));
        var nineYear = SchoolAssessor.Assess(NineYear(250, 6));

        Assert.Equal(2250, primary.Students);
        Assert.Equal(2250, nineYear.Students);
        Assert.False(primary.SizeMet);
        Assert.True(nineYear.SizeMet);
    }

    [Theory]
    // DOMAIN.md, "every class ≤ 45 students in grades 1–6 and ≤ 50 in grades 7–9".
    [InlineData(1, 90, 2, 45, true)]
    [InlineData(1, 91, 2, 46, false)]
    [InlineData(6, 135, 3, 45, true)]
    [InlineData(6, 136, 3, 46, false)]
    [InlineData(7, 100, 2, 50, true)]
    [InlineData(7, 101, 2, 51, false)]
    [InlineData(9, 150, 3, 50, true)]
    [InlineData(9, 151, 3, 51, false)]
    public void AssessGrade_AroundClassLimit_LimitPerGrade(int grade, int students, int classes, int largest, bool met)
    {
        var result = SchoolAssessor.AssessGrade(new GradeCount(grade, students, classes));

        Assert.Equal(grade <= 6 ? 45 : 50, result.Limit);
        Assert.Equal(largest, result.LargestClass);
        Assert.Equal(met, result.Met);
        Assert.Equal(met ? 0 : 1, result.ClassesShort);
    }

    [Fact]
    public void AssessGrade_StudentsButNoClasses_NotMetAndClassesNeeded()
    {
        var result = SchoolAssessor.AssessGrade(new GradeCount(3, 100, 0));

        Assert.False(result.Met);
        Assert.Equal(3, result.ClassesNeeded); // ⌈100 / 45⌉
        Assert.Equal(3, result.ClassesShort);
    }

    [Fact]
    public void AssessGrade_NoStudentsNoClasses_Met()
    {
        var result = SchoolAssessor.AssessGrade(new GradeCount(8, 0, 0));

        Assert.True(result.Met);
        Assert.Equal(0, result.ClassesShort);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void AssessGrade_GradeOutsideOneToNine_Throws(int grade)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolAssessor.AssessGrade(new GradeCount(grade, 10, 1)));
    }

    [Fact]
    public void Assess_OneGradeOverClassLimit_SchoolDoesNotMeetAll()
    {
        var input = SchoolInput.Create(
            "P", [46, 45, 45, 45, 45, 45, 0, 0, 0], [1, 1, 1, 1, 1, 1, 0, 0, 0], Fixtures.Sufficient(SchoolPart.Primary, 300), null);

        var school = SchoolAssessor.Assess(input);

        Assert.Equal(Outcome.Met, school.Parts.Single().ResourceOutcome);
        Assert.False(school.Parts.Single().ClassesMet);
        Assert.Equal([1], school.Parts.Single().Grades.Where(g => !g.Met).Select(g => g.Grade));
        Assert.False(school.MeetsAll());
    }
}
