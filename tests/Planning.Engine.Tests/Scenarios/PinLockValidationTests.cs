using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Terms;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Scenarios;

/// <summary>
/// Pins and locks are checked against the scenario as a whole (issue 12 §1): every bad one is named by
/// its change index and field, and nothing is half-applied.
/// </summary>
public class PinLockValidationTests
{
    private static readonly Term Autumn2022 = new(2022, Season.Autumn);

    private static SimulationInput Base() => Input(
        [
            Primary("P", 0, tracks: 2),
            Junior("J", 1000, tracks: 2),
            NineYear("N", 2000, primaryTracks: 1, juniorTracks: 1),
            Primary("LATE", 3000, tracks: 2, opening: Autumn2021),
        ],
        [NewArea("a1", 500, Grades((1, 10))), NewArea("a2", 1500, Grades((1, 10)))],
        OneTerm() with { Horizon = Autumn2022 });

    private static IReadOnlyList<InputProblem> Problems(params ScenarioChange[] changes) =>
        Assert.Throws<InvalidInputException>(() => Scenario.Apply(Base(), changes)).Problems;

    [Fact]
    public void Apply_ValidPinAndLock_AddsThemWithTheirChangeIndex()
    {
        var input = Scenario.Apply(Base(),
        [
            new ChangeParameters(MoveCostMetres: 500),
            new PinArea("a1", null, "P", Autumn2020),
            new LockSchool("N", SchoolPart.Junior, Spring2021),
        ]);

        Assert.Equal(new AreaPin(1, "a1", SchoolPart.Primary, "P", Autumn2020), Assert.Single(input.Pins));
        Assert.Equal(new SchoolLock(2, "N", SchoolPart.Junior, Spring2021), Assert.Single(input.Locks));
    }

    [Fact]
    public void Apply_PinToSchoolOfWrongLevel_NamesSchoolCode()
    {
        var problem = Assert.Single(Problems(new PinArea("a1", SchoolPart.Primary, "J", Autumn2020)));

        Assert.Equal("changes[0].pin_area.school_code", problem.Field);
        Assert.Contains("does not teach grades 1–6", problem.Description);
    }

    [Fact]
    public void Apply_PinToSchoolNotYetOpen_NamesSchoolCodeAndOpeningTerm()
    {
        var problem = Assert.Single(Problems(new ChangeParameters(), new PinArea("a1", null, "LATE", Spring2021)));

        Assert.Equal("changes[1].pin_area.school_code", problem.Field);
        Assert.Contains("opens in 2021-autumn", problem.Description);
    }

    [Fact]
    public void Apply_PinToSchoolClosedByEarlierChange_IsRefused()
    {
        var problem = Assert.Single(Problems(new CloseSchool("P", Spring2021), new PinArea("a1", null, "P", Autumn2021)));

        Assert.Equal("changes[1].pin_area.school_code", problem.Field);
        Assert.Contains("closed from 2021-spring", problem.Description);
    }

    [Fact]
    public void Apply_UnknownAreaSchoolAndTerm_ReportsEveryOne()
    {
        var problems = Problems(
            new PinArea("nowhere", null, "P", Autumn2020),
            new PinArea("a1", null, "NOPE", Autumn2020),
            new PinArea("a2", null, "P", new Term(2030, Season.Autumn)),
            new LockSchool("GONE", null, Autumn2020));

        Assert.Equal(
            ["changes[0].pin_area.area_code", "changes[1].pin_area.school_code", "changes[2].pin_area.from_term", "changes[3].lock_school.school_code"],
            problems.Select(p => p.Field));
        Assert.Contains("2020-autumn to 2022-autumn", problems[2].Description);
    }

    [Fact]
    public void Apply_TwoPinsOfOneAreaThatDisagree_NamesTheLaterOne()
    {
        var problem = Assert.Single(Problems(
            new PinArea("a1", null, "P", Spring2021),
            new PinArea("a1", SchoolPart.Primary, "N", Spring2021)));

        Assert.Equal("changes[1].pin_area.school_code", problem.Field);
        Assert.Contains("changes[0]", problem.Description);
    }

    [Fact]
    public void Apply_TwoPinsOfOneAreaFromDifferentTerms_AreASchedule()
    {
        var input = Scenario.Apply(Base(), [new PinArea("a1", null, "P", Autumn2020), new PinArea("a1", SchoolPart.Primary, "N", Autumn2021)]);

        Assert.Equal(2, input.Pins.Count);
    }

    [Fact]
    public void Apply_NineYearSchoolWithoutLevel_AsksForThePart()
    {
        var problems = Problems(new PinArea("a1", null, "N", Autumn2020), new LockSchool("N", null, Autumn2020));

        Assert.Equal(["changes[0].pin_area.part", "changes[1].lock_school.part"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Apply_SchoolLockedTwiceForOneLevel_NamesTheSecondLock()
    {
        var problem = Assert.Single(Problems(new LockSchool("P", null, Autumn2020), new LockSchool("P", SchoolPart.Primary, Autumn2021)));

        Assert.Equal("changes[1].lock_school", problem.Field);
    }

    [Fact]
    public void Apply_PinOfAreaAddedByLaterChange_IsAccepted()
    {
        var input = Scenario.Apply(Base(),
        [
            new PinArea("new", null, "P", Autumn2020),
            new AddResidentialArea(NewArea("new", 700, Grades((1, 5)))),
        ]);

        Assert.Equal("new", Assert.Single(input.Pins).AreaCode);
    }
}
