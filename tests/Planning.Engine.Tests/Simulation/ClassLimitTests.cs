using Planning.Engine.Assessment;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

/// <summary>DOMAIN.md: classes ≤ 45 in grades 1–6 and ≤ 50 in grades 7–9; a nine-year school follows
/// the primary rule for 1–6 and the junior rule for 7–9 and may have 2,500 students.</summary>
public class ClassLimitTests
{
    private static TermResult NineYearWith(int[] enrolment, int primaryTracks = 3, int juniorTracks = 3) =>
        Simulator.Run(Input([NineYear("N", 0, primaryTracks, juniorTracks, enrolment)], []), RunMode.KeepCurrent).Terms[0];

    private static GradeResult Grade(TermResult term, int grade) => term.Schools[0].Grades.Single(g => g.Grade == grade);

    [Fact]
    public void Run_PrimaryGrade_UsesClassLimit45()
    {
        var term = NineYearWith(Grades((1, 91)));

        Assert.Equal(new GradeResult(1, 91, 3, 135, 3, 31), Grade(term, 1));
    }

    [Fact]
    public void Run_JuniorGrade_UsesClassLimit50()
    {
        var term = NineYearWith(Grades((7, 91)));

        Assert.Equal(new GradeResult(7, 91, 3, 150, 2, 46), Grade(term, 7));
    }

    [Fact]
    public void Run_NineYearSchool_SplitsRuleBetweenGradeSixAndSeven()
    {
        // 46 pupils need 2 classes in grade 6 (limit 45) but fit 1 in grade 7 (limit 50).
        var term = NineYearWith(Grades((6, 46), (7, 46)), primaryTracks: 1, juniorTracks: 1);

        Assert.Equal((2, 23), (Grade(term, 6).Classes, Grade(term, 6).LargestClass));
        Assert.Equal((1, 46), (Grade(term, 7).Classes, Grade(term, 7).LargestClass));
        var violation = Assert.Single(term.Violations);
        Assert.Equal((ViolationKind.ClassSize, 6, SchoolPart.Primary, 1, 46), (violation.Kind, violation.Grade, violation.Part, violation.Excess, violation.LargestClass));
    }

    [Fact]
    public void Run_NineYearSchool_MayHave2500Students()
    {
        var term = NineYearWith([270, 270, 270, 270, 270, 270, 300, 300, 300], primaryTracks: 6, juniorTracks: 6);

        Assert.Equal(2520, term.Schools[0].Students);
        Assert.Equal(2500, term.Schools[0].SizeLimit);
        var violation = Assert.Single(term.Violations);
        Assert.Equal((ViolationKind.SchoolSize, 20), (violation.Kind, violation.Excess));
    }

    [Fact]
    public void Run_PrimarySchool_Has2000StudentLimit()
    {
        var term = Simulator.Run(Input([Primary("P", 0, 8, [340, 340, 340, 340, 340, 340, 0, 0, 0])], []), RunMode.KeepCurrent).Terms[0];

        var violation = Assert.Single(term.Violations);
        Assert.Equal((ViolationKind.SchoolSize, 2040, 2000, 40), (violation.Kind, violation.Students, violation.Limit, violation.Excess));
    }
}
