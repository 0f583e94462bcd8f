using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

public class CohortTests
{
    private static readonly int[] AllGrades = [10, 11, 12, 13, 14, 15, 20, 21, 22];

    /// <summary>One area with known pupils in every grade at primary P and junior J.</summary>
    private static SimulationInput OneArea(RunMode mode = RunMode.Redistribute) => Input(
        [Primary("P", 0, tracks: 2, enrolment: [.. AllGrades[..6], 0, 0, 0]), Junior("J", 1000, tracks: 2, enrolment: [0, 0, 0, 0, 0, 0, .. AllGrades[6..]])],
        [new ResidentialArea("old", AreaKind.Compound, East(100), 0, BaseStudents: AllGrades, PrimarySchool: "P", JuniorSchool: "J")],
        OneTerm() with { Horizon = Autumn2021 });

    private static int[] Enrolment(TermResult term, string school)
    {
        var grades = new int[9];
        foreach (var g in term.Schools.Single(s => s.SchoolCode == school).Grades)
        {
            grades[g.Grade - 1] = g.Students;
        }

        return grades;
    }

    [Fact]
    public void Run_Autumn_MovesCohortsUpAGradeAndLetsGradeNineLeave()
    {
        var terms = Simulator.Run(OneArea()).Terms;

        Assert.Equal(3, terms.Count);
        // Grade-1 intake of an area with known pupils repeats its base grade-1 count (10).
        Assert.Equal([10, 10, 11, 12, 13, 14, 0, 0, 0], Enrolment(terms[2], "P"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 15, 20, 21], Enrolment(terms[2], "J"));
        Assert.Equal((10, 22, 0), (terms[2].Movement.Intake, terms[2].Movement.Leavers, terms[2].Movement.Moved));
    }

    [Fact]
    public void Run_Spring_KeepsCohorts()
    {
        var terms = Simulator.Run(OneArea()).Terms;

        Assert.Equal(Enrolment(terms[0], "P"), Enrolment(terms[1], "P"));
        Assert.Equal(Enrolment(terms[0], "J"), Enrolment(terms[1], "J"));
        Assert.Equal((0, 0), (terms[1].Movement.Intake, terms[1].Movement.Leavers));
    }

    [Fact]
    public void Run_KeepCurrent_GradeSixGoesToTheAreasJuniorSchoolNotTheNearest()
    {
        // J2 is nearer, but the area's junior (feeder) school is J.
        var input = OneArea() with { Schools = [.. OneArea().Schools, Junior("J2", 150, tracks: 2)] };

        var autumn = Simulator.Run(input, RunMode.KeepCurrent).Terms[2];

        Assert.Equal(15, Enrolment(autumn, "J")[6]);
        Assert.Equal(0, autumn.Schools.Single(s => s.SchoolCode == "J2").Students);
    }

    [Fact]
    public void Run_Redistribute_GradeSixFollowsTheAreasJuniorCatchment()
    {
        var input = OneArea() with { Schools = [.. OneArea().Schools, Junior("J2", 150, tracks: 2)] };

        var autumn = Simulator.Run(input).Terms[2];

        var junior = Assert.Single(autumn.Assignments, a => a.AreaCode == "old" && a.Part == SchoolPart.Junior).SchoolCode;
        Assert.Equal("J2", junior);
        Assert.Equal(15, Enrolment(autumn, "J2")[6]);
        // Pupils already in grades 8 and 9 stay at J under intake-only.
        Assert.Equal([20, 21], Enrolment(autumn, "J")[7..9]);
    }

    [Fact]
    public void Run_NineYearSchool_KeepsItsGradeSixForGradeSeven()
    {
        var input = Input(
            [NineYear("N", 0, 1, 1, enrolment: Grades((6, 40))), Junior("J", 50, tracks: 2)],
            [new ResidentialArea("a", AreaKind.Village, East(60), 0, BaseStudents: Grades((6, 40)), PrimarySchool: "N", JuniorSchool: "J")],
            OneTerm() with { Horizon = Autumn2021 });

        var autumn = Simulator.Run(input).Terms[2];

        Assert.Equal(40, Enrolment(autumn, "N")[6]);
        Assert.Equal(0, autumn.Schools.Single(s => s.SchoolCode == "J").Students);
    }

    [Fact]
    public void Run_NewResidents_BringPupilsByNormAndRamp()
    {
        // 6,000 residents, a quarter of them in the first year: 6000 × 0.25 × 70/1000/6 = 17.5 → 18 per
        // primary grade and 6000 × 0.25 × 35/1000/3 = 17.5 → 18 per junior grade (DOMAIN.md norms 70 and 35).
        var area = new ResidentialArea("new", AreaKind.Compound, East(0), 6000, OccupiedFrom: Autumn2021, OccupancyRamp: [0.25, 1.0]);
        var input = Input([NineYear("N", 0, 4, 4)], [area], OneTerm() with { Horizon = Autumn2021 });

        var terms = Simulator.Run(input).Terms;

        Assert.Equal(0, terms[1].Schools[0].Students);
        Assert.Equal([18, 18, 18, 18, 18, 18, 18, 18, 18], Enrolment(terms[2], "N"));
        Assert.Equal((18, 8 * 18), (terms[2].Movement.Intake, terms[2].Movement.Arrivals));
    }

    [Fact]
    public void Run_UnknownAreaStudents_ShareTheSchoolsEnrolmentByExpectedPupils()
    {
        // P has 100 grade-1 pupils: 30 live in the known area, the other 70 are shared 6:1 by population.
        var input = Input(
            [Primary("P", 0, 4, enrolment: Grades((1, 100))), Primary("Q", 500, 1, enrolment: Grades((2, 40)))],
            [
                new ResidentialArea("k", AreaKind.Compound, East(10), 1000, BaseStudents: Grades((1, 30)), PrimarySchool: "P"),
                new ResidentialArea("u1", AreaKind.Compound, East(20), 6000, PrimarySchool: "P"),
                new ResidentialArea("u2", AreaKind.Compound, East(30), 1000, PrimarySchool: "P"),
            ]);

        var term = Simulator.Run(input, RunMode.KeepCurrent).Terms[0];

        int At(string? area, int grade) => term.Placements.Where(p => p.AreaCode == area && p.Grade == grade).Sum(p => p.Students);
        Assert.Equal((30, 60, 10), (At("k", 1), At("u1", 1), At("u2", 1)));
        // Q's pupils live in no known area: they stay at Q as pupils of unknown area.
        Assert.Equal(40, At(null, 2));
        Assert.Equal(100, term.Schools[0].Students);
    }
}
