using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Scenarios;

public class ScenarioTests
{
    private static readonly SimulationInput Base = Input(
        [Primary("P", 0, 2), Junior("J", 1000, 3)],
        [NewArea("a", 100, Grades((1, 20)))]);

    [Fact]
    public void Apply_OpenSchool_AddsItAndLeavesBaseUnchanged()
    {
        var input = Scenario.Apply(Base, [new OpenSchool(Primary("N", 200, 2, opening: Autumn2021))]);

        Assert.Equal(["P", "J", "N"], input.Schools.Select(s => s.Code));
        Assert.Equal(2, Base.Schools.Count);
    }

    [Fact]
    public void Apply_CloseSchool_SetsClosingTerm()
    {
        var input = Scenario.Apply(Base, [new CloseSchool("P", Autumn2021)]);

        var p = input.Schools.Single(s => s.Code == "P");
        Assert.True(p.IsOpenIn(Spring2021));
        Assert.False(p.IsOpenIn(Autumn2021));
    }

    [Fact]
    public void Apply_ExpandSchool_AddsTracksFromTermOn()
    {
        var school = new School("X", SchoolLevel.NineYear, East(0), [new TrackStep(Autumn2020, 2, 1), new TrackStep(Autumn2021.Next.Next, 3, 1)], new int[9]);
        var input = Scenario.Apply(Base with { Schools = [school] }, [new ExpandSchool("X", Spring2021, 2, 1)]);

        var x = input.Schools.Single();
        Assert.Equal(2, x.TracksIn(Autumn2020, SchoolPart.Primary));
        Assert.Equal((4, 2), (x.TracksIn(Spring2021, SchoolPart.Primary), x.TracksIn(Spring2021, SchoolPart.Junior)));
        Assert.Equal(5, x.TracksIn(Autumn2021.Next.Next, SchoolPart.Primary));
    }

    [Fact]
    public void Apply_AddResidentialArea_AddsArea()
    {
        var input = Scenario.Apply(Base, [new AddResidentialArea(NewArea("b", 300, Grades((1, 5))))]);

        Assert.Equal(["a", "b"], input.Areas.Select(a => a.Code));
    }

    [Fact]
    public void Apply_ChangeParameters_ChangesOnlyGivenFields()
    {
        var input = Scenario.Apply(Base, [new ChangeParameters(PrimaryNormPerThousand: 85, Policy: AssignmentPolicy.Reassign)]);

        Assert.Equal(85, input.Parameters.PrimaryNormPerThousand);
        Assert.Equal(AssignmentPolicy.Reassign, input.Parameters.Policy);
        Assert.Equal(Base.Parameters.JuniorNormPerThousand, input.Parameters.JuniorNormPerThousand);
        Assert.Equal(Base.Parameters.MoveCostMetres, input.Parameters.MoveCostMetres);
    }

    [Fact]
    public void Apply_UnknownOrDuplicateCode_ThrowsNamingTheChange()
    {
        var unknown = Assert.Throws<InvalidInputException>(() => Scenario.Apply(Base, [new CloseSchool("nope", Autumn2021)]));
        var duplicate = Assert.Throws<InvalidInputException>(() => Scenario.Apply(Base, [new ChangeParameters(), new OpenSchool(Primary("P", 5, 1))]));

        Assert.Equal("changes[0].school_code", Assert.Single(unknown.Problems).Field);
        Assert.Equal("changes[1].school.code", Assert.Single(duplicate.Problems).Field);
    }

    [Fact]
    public void Apply_NewSchoolNearArea_ChangesTheSimulatedAssignment()
    {
        var input = Scenario.Apply(Base, [new OpenSchool(Primary("N", 110, 2))]);

        var term = Simulator.Run(input).Terms[0];

        Assert.Equal("N", Assert.Single(term.Assignments, a => a.AreaCode == "a" && a.Part == SchoolPart.Primary).SchoolCode);
    }
}
