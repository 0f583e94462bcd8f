using Planning.Engine.Comparison;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Comparison;

public class RunComparerTests
{
    /// <summary>
    /// Area "a" (2,000 m) at P (0 m) with 30 pupils per primary grade; N (2,100 m) opens in
    /// 2021-autumn; J (1,000 m) takes the grade-6 leavers in both runs.
    /// </summary>
    private static SimulationInput Input() => Fixtures.Input(
        [Primary("P", 0, 2, enrolment: Grades((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30))), Primary("N", 2100, 2, opening: Autumn2021), Junior("J", 1000, 2)],
        [new ResidentialArea("a", AreaKind.Compound, East(2000), 0, BaseStudents: Grades((1, 30), (2, 30), (3, 30), (4, 30), (5, 30), (6, 30)), PrimarySchool: "P", JuniorSchool: "J")],
        OneTerm() with { Horizon = Autumn2021, Policy = AssignmentPolicy.Reassign, MoveCostMetres = 500 });

    [Fact]
    public void Compare_BeforeAndAfter_ReportsFlowsBetweenSchools()
    {
        var before = Simulator.Run(Input(), RunMode.KeepCurrent);
        var after = Simulator.Run(Input());

        var terms = RunComparer.Compare(before, after);

        Assert.Equal(3, terms.Count);
        Assert.Empty(terms[0].Flows);
        var flow = Assert.Single(terms[2].Flows);
        Assert.Equal(("P", "N", 180), (flow.FromSchool, flow.ToSchool, flow.Students));
        Assert.Equal(180, terms[2].StudentsAtOtherSchool);
    }

    [Fact]
    public void Compare_BeforeAndAfter_ReportsDistancesOfBoth()
    {
        var terms = RunComparer.Compare(Simulator.Run(Input(), RunMode.KeepCurrent), Simulator.Run(Input()));

        // 180 primary pupils at P or N, 30 grade-7 pupils at J in both runs.
        Assert.Equal((180 * Metres(2000, 0) + 30 * Metres(2000, 1000)) / 210, terms[2].DistanceBefore.MeanMetres, 6);
        Assert.Equal((180 * Metres(2000, 2100) + 30 * Metres(2000, 1000)) / 210, terms[2].DistanceAfter.MeanMetres, 6);
        Assert.Equal(Metres(2000, 1000), terms[2].DistanceAfter.MaxMetres, 6);
    }

    [Fact]
    public void Compare_BeforeAndAfter_ReportsViolationsOfBoth()
    {
        // P has 1 track only: the 30-pupil cohorts fit, but 2 × 30 in one grade would not.
        var input = Input() with { Areas = [.. Input().Areas, NewArea("b", 1990, Grades((1, 30)), primary: "P")] };
        input = input with { Schools = input.Schools.Select(s => s.Code == "P" ? s with { Tracks = [new TrackStep(Autumn2020, 1, 0)] } : s).ToList() };

        var terms = RunComparer.Compare(Simulator.Run(input, RunMode.KeepCurrent), Simulator.Run(input));

        Assert.Contains(terms[2].ViolationsBefore, v => v.SchoolCode == "P" && v.Grade == 1);
        Assert.Empty(terms[2].ViolationsAfter);
    }
}
