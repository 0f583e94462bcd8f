using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

/// <summary>
/// Three new compounds between two schools on a line: A at 0 m with 1 track (45 grade-1 seats,
/// DOMAIN.md class limit 45) and B at 3,000 m with 2 tracks (90 seats). Grade-1 pupils: a1 = 40 at
/// 500 m, a2 = 40 at 1,400 m, a3 = 30 at 2,000 m. A takes one area only; sending a1 there saves the
/// most travel (2,000 m per pupil), so a1 → A, a2 → B, a3 → B. Split, A would also take 5 of a2.
/// </summary>
public class AssignmentTests
{
    private static SimulationInput ThreeAreasTwoSchools(bool allowSplitting = false) => Input(
        [Primary("A", 0, tracks: 1), Primary("B", 3000, tracks: 2)],
        [NewArea("a1", 500, Grades((1, 40))), NewArea("a2", 1400, Grades((1, 40))), NewArea("a3", 2000, Grades((1, 30)))],
        OneTerm() with { CatchmentChangeCostMetres = 0, AllowSplitting = allowSplitting });

    private static long D(double area, double school) => (long)Math.Round(Metres(area, school));

    private static string SchoolOf(TermResult term, string area) =>
        Assert.Single(term.Assignments, a => a.AreaCode == area && a.Part == SchoolPart.Primary).SchoolCode;

    [Fact]
    public void Run_ThreeAreasTwoSchools_AssignsOptimalWholeAreas()
    {
        var term = Simulator.Run(ThreeAreasTwoSchools()).Terms[0];

        Assert.Equal("A", SchoolOf(term, "a1"));
        Assert.Equal("B", SchoolOf(term, "a2"));
        Assert.Equal("B", SchoolOf(term, "a3"));
        Assert.Equal(40 * D(500, 0) + 40 * D(1400, 3000) + 30 * D(2000, 3000), term.Solve.Objective);
    }

    [Fact]
    public void Run_ThreeAreasTwoSchools_ReportsRelaxationBoundAndGap()
    {
        var solve = Simulator.Run(ThreeAreasTwoSchools()).Terms[0].Solve;

        var bound = 40 * D(500, 0) + 5 * D(1400, 0) + 35 * D(1400, 3000) + 30 * D(2000, 3000);
        Assert.Equal(bound, solve.SplitFlowBound);
        // CP-SAT solves all three areas to optimality, which closes the gap the relaxation leaves.
        Assert.Equal(solve.Objective, solve.LowerBound);
        Assert.Equal("exact", solve.BoundKind);
        Assert.Equal(0, solve.Gap);
        Assert.Equal("cp-sat", solve.Method);
    }

    [Fact]
    public void Run_SplittingAllowed_SharesMiddleAreaFiveToThirtyFive()
    {
        var term = Simulator.Run(ThreeAreasTwoSchools(allowSplitting: true)).Terms[0];

        var a2 = term.Placements.Where(p => p.AreaCode == "a2").ToDictionary(p => p.SchoolCode, p => p.Students);
        Assert.Equal(5, a2["A"]);
        Assert.Equal(35, a2["B"]);
        Assert.Equal(2, term.Assignments.Count(a => a.AreaCode == "a2" && a.Part == SchoolPart.Primary));
        Assert.Equal(0, term.Solve.Gap);
    }

    [Fact]
    public void Run_WholeAreas_NeverSplitsAnArea()
    {
        var term = Simulator.Run(ThreeAreasTwoSchools()).Terms[0];

        foreach (var area in new[] { "a1", "a2", "a3" })
        {
            Assert.Single(term.Placements.Where(p => p.AreaCode == area).Select(p => p.SchoolCode).Distinct());
            Assert.Single(term.Assignments, a => a.AreaCode == area && a.Part == SchoolPart.Primary);
        }
    }

    [Fact]
    public void Run_FeasibleDemand_NeverExceedsCapacity()
    {
        var term = Simulator.Run(ThreeAreasTwoSchools()).Terms[0];

        Assert.Empty(term.Violations);
        Assert.All(term.Schools.SelectMany(s => s.Grades), g => Assert.True(g.Students <= g.Capacity));
        Assert.Equal(40, term.Schools.Single(s => s.SchoolCode == "A").Students);
        Assert.Equal(70, term.Schools.Single(s => s.SchoolCode == "B").Students);
    }

    [Fact]
    public void Run_DemandBeyondCapacity_ReportsShortfallWithOverflowingAreas()
    {
        // One 1-track school (45 seats in grade 1, DOMAIN.md) for 30 + 30 new pupils: 15 seats short.
        var input = Input(
            [Primary("A", 0, tracks: 1)],
            [NewArea("x", 200, Grades((1, 30))), NewArea("y", 400, Grades((1, 30)))]);

        var term = Simulator.Run(input).Terms[0];

        var shortfall = Assert.Single(term.Violations, v => v.Kind == ViolationKind.SeatsShort);
        Assert.Equal("A", shortfall.SchoolCode);
        Assert.Equal(15, shortfall.Excess);
        Assert.Equal(["x", "y"], shortfall.AreaCodes.Order());
        var grade = Assert.Single(term.Violations, v => v.Kind == ViolationKind.ClassSize);
        Assert.Equal((1, 60, 45, 15, 60), (grade.Grade!.Value, grade.Students, grade.Limit, grade.Excess, grade.LargestClass!.Value));
    }

    [Fact]
    public void Run_DemandBeyondCapacity_SendsOverflowWhereItCostsLeast()
    {
        // A (45 seats) is nearest for both areas, B (45 seats) is far; 60 + 30 pupils need 90 seats:
        // the 30 go to B and the 60 stay at A, 15 short, rather than leaving anyone without a school.
        var input = Input(
            [Primary("A", 0, tracks: 1), Primary("B", 5000, tracks: 1)],
            [NewArea("big", 100, Grades((1, 60))), NewArea("small", 200, Grades((1, 30)))]);

        var term = Simulator.Run(input).Terms[0];

        var shortfall = Assert.Single(term.Violations, v => v.Kind == ViolationKind.SeatsShort);
        Assert.Equal(("A", 15), (shortfall.SchoolCode, shortfall.Excess));
        Assert.Equal(["big"], shortfall.AreaCodes);
        Assert.Equal(30, term.Schools.Single(s => s.SchoolCode == "B").Students);
    }

    [Fact]
    public void Run_NoSchoolTeachesLevel_ReportsUnservedPupils()
    {
        var input = Input([Primary("A", 0, tracks: 1)], [NewArea("x", 200, Grades((7, 20)))]);

        var term = Simulator.Run(input).Terms[0];

        var shortfall = Assert.Single(term.Violations);
        Assert.Equal((ViolationKind.SeatsShort, null, SchoolPart.Junior, 20), (shortfall.Kind, shortfall.SchoolCode, shortfall.Part, shortfall.Excess));
        Assert.Equal(["x"], shortfall.AreaCodes);
    }

    [Fact]
    public void Run_SchoolSizeLimit_IsRespectedAcrossGrades()
    {
        // Two areas of 6 × 180 = 1,080 pupils each; a 4-track school has room per grade (180) but
        // not for 2,160 in all (DOMAIN.md: ≤ 2,000), so one area goes to the farther school.
        var six = Grades((1, 180), (2, 180), (3, 180), (4, 180), (5, 180), (6, 180));
        var input = Input(
            [Primary("near", 0, tracks: 4), Primary("far", 4000, tracks: 4)],
            [NewArea("p", 100, six), NewArea("q", 300, six)]);

        var term = Simulator.Run(input).Terms[0];

        Assert.Empty(term.Violations);
        Assert.Equal(1080, term.Schools.Single(s => s.SchoolCode == "near").Students);
        Assert.Equal("far", Assert.Single(term.Assignments, a => a.AreaCode == "q" && a.Part == SchoolPart.Primary).SchoolCode);
    }
}
