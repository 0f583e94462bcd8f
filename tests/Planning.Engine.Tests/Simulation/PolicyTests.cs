using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using Planning.Engine.Terms;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

/// <summary>An area at 2,000 m with 30 pupils per primary grade at P (0 m); a new school N opens next to it.</summary>
public class PolicyTests
{
    private static SimulationInput NewSchoolNearby(AssignmentPolicy policy, Term opening, int newSchoolTracks = 2) => Input(
        [Primary("P", 0, 2, enrolment: Grades((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30))), Primary("N", 2100, newSchoolTracks, opening: opening)],
        [new ResidentialArea("a", AreaKind.Compound, East(2000), 0, BaseStudents: Grades((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30)), PrimarySchool: "P")],
        OneTerm() with { Horizon = Autumn2021, Policy = policy, MoveCostMetres = 500 });

    private static int Students(TermResult term, string school) => term.Schools.Single(s => s.SchoolCode == school).Students;

    [Fact]
    public void Run_IntakeOnly_KeepsEnrolledPupilsAndSendsIntakeToNewSchool()
    {
        var autumn = Simulator.Run(NewSchoolNearby(AssignmentPolicy.IntakeOnly, Autumn2021)).Terms[2];

        Assert.Equal(150, Students(autumn, "P"));
        Assert.Equal(30, Students(autumn, "N"));
        Assert.Equal(0, autumn.Movement.Moved);
        Assert.Equal(30, autumn.Movement.AwayFromBaseSchool);
    }

    [Fact]
    public void Run_Reassign_MovesEnrolledPupilsWhenItSavesMoreThanTheMoveCost()
    {
        var autumn = Simulator.Run(NewSchoolNearby(AssignmentPolicy.Reassign, Autumn2021)).Terms[2];

        Assert.Equal(0, Students(autumn, "P"));
        Assert.Equal(180, Students(autumn, "N"));
        Assert.Equal(150, autumn.Movement.Moved);
    }

    [Fact]
    public void Run_ReassignWithSchoolOpeningInSpring_MovesPupilsMidYear()
    {
        var spring = Simulator.Run(NewSchoolNearby(AssignmentPolicy.Reassign, Spring2021)).Terms[1];

        Assert.Equal(180, Students(spring, "N"));
        Assert.Equal(180, spring.Movement.Moved);
    }

    [Fact]
    public void Run_IntakeOnlyWithSchoolOpeningInSpring_MovesNobodyMidYear()
    {
        var spring = Simulator.Run(NewSchoolNearby(AssignmentPolicy.IntakeOnly, Spring2021)).Terms[1];

        Assert.Equal(0, Students(spring, "N"));
        Assert.Equal(0, spring.Movement.Moved);
    }

    [Fact]
    public void Run_ReassignInSpringWithoutOpening_MovesNobodyUntilAutumn()
    {
        // N is open from the start with 1 track (45 seats per grade), then 2 tracks from spring: an
        // expansion, not an opening. The area (50 per grade) fits only from spring, moves only in autumn.
        var fifty = Grades((1, 50), (2, 50), (3, 50), (4, 50), (5, 50), (6, 50));
        var n = new School("N", SchoolLevel.Primary, East(2100), [new TrackStep(Autumn2020, 1, 0), new TrackStep(Spring2021, 2, 0)], new int[9]);
        var input = Input(
            [Primary("P", 0, 2, enrolment: fifty), n],
            [new ResidentialArea("a", AreaKind.Compound, East(2000), 0, BaseStudents: fifty, PrimarySchool: "P")],
            OneTerm() with { Horizon = Autumn2021, Policy = AssignmentPolicy.Reassign, MoveCostMetres = 500 });

        var terms = Simulator.Run(input).Terms;

        Assert.Equal(0, Students(terms[1], "N"));
        Assert.Equal(0, terms[1].Movement.Moved);
        Assert.Equal(300, Students(terms[2], "N"));
    }

    [Fact]
    public void Run_KeepCurrent_GivesNewSchoolNobody()
    {
        var autumn = Simulator.Run(NewSchoolNearby(AssignmentPolicy.Reassign, Autumn2021), RunMode.KeepCurrent).Terms[2];

        Assert.Equal(0, Students(autumn, "N"));
        Assert.Equal(180, Students(autumn, "P"));
        Assert.Equal("kept", autumn.Solve.Method);
    }

    [Fact]
    public void Run_SchoolClosed_MovesItsPupilsAndCountsThem()
    {
        var input = NewSchoolNearby(AssignmentPolicy.IntakeOnly, Autumn2020);
        input = input with { Schools = input.Schools.Select(s => s.Code == "P" ? s with { ClosedFrom = Spring2021 } : s).ToList() };

        var spring = Simulator.Run(input).Terms[1];

        Assert.Equal(180, Students(spring, "N"));
        Assert.Equal(180, spring.Movement.Moved);
        Assert.False(spring.Schools.Single(s => s.SchoolCode == "P").IsOpen);
    }
}
