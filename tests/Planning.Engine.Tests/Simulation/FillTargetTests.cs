using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

/// <summary>
/// A new school fills as the plan intends (issue 12 §4, "opening fill share"). P (0 m, 2 tracks) teaches two
/// areas of 30 pupils per primary grade: "near" at 1,500 m and "far" at −300 m. N (2,100 m, 2 tracks: 2 × 6 × 45
/// = 540 seats, class limit 45 in grades 1–6, DOMAIN.md) opens in 2021-spring; the policy reassigns. Moving
/// "near" saves 1,500 − 600 = 900 m per pupil, less than the move cost (2,000 m) plus the catchment change
/// (100 m), so without a fill target nobody moves; an under-fill cost of 5,000 m per pupil outweighs the 1,200 m.
/// </summary>
public class FillTargetTests
{
    private static readonly int[] ThirtyPerGrade = Grades((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30));

    private static TermResult Spring(double fillShare) => Simulator.Run(Input(
        [Primary("P", 0, 2, enrolment: [.. ThirtyPerGrade.Select(n => 2 * n)]), Primary("N", 2100, 2, opening: Spring2021)],
        [
            new ResidentialArea("near", AreaKind.Compound, East(1500), 0, BaseStudents: ThirtyPerGrade, PrimarySchool: "P"),
            new ResidentialArea("far", AreaKind.Compound, East(-300), 0, BaseStudents: ThirtyPerGrade, PrimarySchool: "P"),
        ],
        OneTerm() with { Horizon = Spring2021, Policy = AssignmentPolicy.Reassign, OpeningFillShare = fillShare })).Terms[1];

    private static int Students(TermResult term, string school) => term.Schools.Single(s => s.SchoolCode == school).Students;

    [Fact]
    public void Run_NoFillShare_NewSchoolOpensEmpty()
    {
        var spring = Spring(0);

        Assert.Equal(0, Students(spring, "N"));
        Assert.Equal(0, spring.Movement.Moved);
    }

    [Fact]
    public void Run_FillShareHalf_NearerPupilsMoveToTheNewSchool()
    {
        var spring = Spring(0.5);

        // Target min(0.5 × 540, 180 pupils nearer to N) = 180: the whole of "near".
        Assert.Equal(180, Students(spring, "N"));
        Assert.Equal(180, Students(spring, "P"));
        Assert.Equal(180, spring.Movement.Moved);
        Assert.Equal(0, spring.Solve.Breakdown.All.UnderFillPupils);
    }

    [Fact]
    public void Run_FillShareWhole_NeverPullsPupilsWhoLiveNearerTheirSchool()
    {
        var spring = Spring(1.0);

        // 540 seats, but only "near" lives nearer to N than to P: "far" stays whatever the share.
        Assert.Equal(180, Students(spring, "N"));
        Assert.All(spring.Placements.Where(p => p.AreaCode == "far"), p => Assert.Equal("P", p.SchoolCode));
        Assert.Equal(0, spring.Solve.Breakdown.All.UnderFillPupils);
    }

    [Fact]
    public void Run_FillShareInFirstTerm_BaseSchoolsGetNoTarget()
    {
        // A (0 m) and B (3,000 m) are in the base data; "a" at 1,000 m is B's. Moving it to A saves 1,000 m per
        // pupil, less than 2,000 + 100 m: it stays, however high the share, since neither school opens or grows.
        var first = Simulator.Run(Input(
            [Primary("A", 0, 2), Primary("B", 3000, 2, enrolment: ThirtyPerGrade)],
            [new ResidentialArea("a", AreaKind.Compound, East(1000), 0, BaseStudents: ThirtyPerGrade, PrimarySchool: "B")],
            OneTerm() with { Policy = AssignmentPolicy.Reassign, OpeningFillShare = 1.0 })).Terms[0];

        Assert.Equal(0, Students(first, "A"));
        Assert.Equal(0, first.Movement.Moved);
        Assert.Equal(0, first.Solve.Breakdown.All.UnderFillPupils);
    }
}
