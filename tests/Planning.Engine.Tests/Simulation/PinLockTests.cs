using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

/// <summary>
/// Pins and locks are hard constraints of the redistribution (issue 12 §1). Class limit 45 in grades 1–6
/// (DOMAIN.md): one track holds 45 grade-1 pupils.
/// </summary>
public class PinLockTests
{
    private static string SchoolOf(TermResult term, string area) =>
        Assert.Single(term.Assignments, a => a.AreaCode == area && a.Part == SchoolPart.Primary).SchoolCode;

    private static SimulationInput TwoSchools(params ScenarioChange[] changes) => Scenario.Apply(
        Input(
            [Primary("A", 0, tracks: 2), Primary("B", 3000, tracks: 1)],
            [NewArea("a1", 500, Grades((1, 40))), NewArea("a2", 600, Grades((1, 40)))],
            OneTerm() with { Horizon = Autumn2021 }),
        changes);

    [Fact]
    public void Run_AreaPinnedToFartherSchool_GoesThere()
    {
        var free = Simulator.Run(TwoSchools()).Terms[0];
        var pinned = Simulator.Run(TwoSchools(new PinArea("a1", null, "B", Autumn2020))).Terms[0];

        Assert.Equal("A", SchoolOf(free, "a1"));
        Assert.Equal("B", SchoolOf(pinned, "a1"));
        Assert.Equal(40, pinned.Placements.Where(p => p.AreaCode == "a1" && p.SchoolCode == "B").Sum(p => p.Students));
        Assert.Empty(pinned.ConstraintIssues);
    }

    [Fact]
    public void Run_PinFromLaterTerm_HoldsFromThatTermOnly()
    {
        var terms = Simulator.Run(TwoSchools(new PinArea("a1", null, "B", Autumn2021))).Terms;

        Assert.Equal("A", SchoolOf(terms[0], "a1"));
        Assert.Equal("A", SchoolOf(terms[1], "a1"));
        Assert.Equal("B", SchoolOf(terms[2], "a1"));
    }

    [Fact]
    public void Run_PinsOverfillAGrade_ReportIssuePerChangeNamingSchoolAndGrade()
    {
        var term = Simulator.Run(TwoSchools(new PinArea("a1", null, "B", Autumn2020), new PinArea("a2", null, "B", Autumn2020))).Terms[0];

        Assert.Equal("B", SchoolOf(term, "a1"));
        Assert.Equal("B", SchoolOf(term, "a2"));
        Assert.Equal([0, 1], term.ConstraintIssues.Select(i => i.Change));
        foreach (var issue in term.ConstraintIssues)
        {
            Assert.Equal(ConstraintIssueKind.Overfull, issue.Kind);
            Assert.Equal("B", issue.SchoolCode);
            Assert.Equal(1, issue.Grade);
            Assert.Equal(80, issue.Students);
            Assert.Equal(45, issue.Limit);
            Assert.Contains($"changes[{issue.Change}]", issue.Message);
            Assert.Contains("grade 1 of B", issue.Message);
        }
    }

    /// <summary>
    /// A junior school of 16 tracks has 800 seats a grade (class limit 50 in grades 7–9) but a size limit of
    /// 2,000 (DOMAIN.md): two pinned areas of 400 pupils in each of grades 7, 8 and 9 fit every grade and
    /// overfill the school by 400, counted over all its grades, grade 9 included.
    /// </summary>
    [Fact]
    public void Run_PinsOverfillASchoolButNoGrade_ReportIssuePerChangeWithTheWholeSchool()
    {
        var junior = Grades((7, 400), (8, 400), (9, 400));
        var input = Scenario.Apply(
            Input(
                [Junior("J", 0, tracks: 16), Junior("K", 3000, tracks: 16)],
                [NewArea("j1", 500, junior), NewArea("j2", 2500, junior)],
                OneTerm()),
            [new PinArea("j1", SchoolPart.Junior, "J", Autumn2020), new PinArea("j2", SchoolPart.Junior, "J", Autumn2020)]);

        var term = Simulator.Run(input).Terms[0];

        Assert.Equal(2400, term.Placements.Where(p => p.SchoolCode == "J").Sum(p => p.Students));
        Assert.Equal([0, 1], term.ConstraintIssues.Select(i => i.Change));
        foreach (var issue in term.ConstraintIssues)
        {
            Assert.Equal(ConstraintIssueKind.Overfull, issue.Kind);
            Assert.Equal(("J", (int?)null, 2400, 2000), (issue.SchoolCode, issue.Grade, issue.Students, issue.Limit));
            Assert.Contains("J has 2400 students for its limit of 2000", issue.Message);
        }
    }

    [Fact]
    public void Run_PinnedSchoolCloses_ReportsNotTaughtAndPlacesTheAreaElsewhere()
    {
        var terms = Simulator.Run(TwoSchools(new PinArea("a1", null, "B", Autumn2020), new CloseSchool("B", Autumn2021))).Terms;

        Assert.Empty(terms[0].ConstraintIssues);
        var issue = Assert.Single(terms[2].ConstraintIssues);
        Assert.Equal(ConstraintIssueKind.NotTaught, issue.Kind);
        Assert.Equal((0, "a1", "B"), (issue.Change, issue.AreaCode, issue.SchoolCode));
        Assert.Equal("A", SchoolOf(terms[2], "a1"));
    }

    /// <summary>
    /// A (0 m) and B (2,000 m), 4 tracks each. a1 at 1,900 m is in A's catchment in 2020 with 30 known
    /// grade-1 pupils (so 30 new ones each autumn); n at 100 m has 20 pupils and no school yet.
    /// </summary>
    private static SimulationInput LockCase(params ScenarioChange[] changes) => Scenario.Apply(
        Input(
            [Primary("A", 0, tracks: 4), Primary("B", 2000, tracks: 4)],
            [NewArea("a1", 1900, Grades((1, 30)), primary: "A"), NewArea("n", 100, Grades((1, 20)))],
            OneTerm() with { Horizon = Autumn2021 }),
        changes);

    [Fact]
    public void Run_LockedSchool_KeepsItsAreasAndTakesNoOther()
    {
        var free = Simulator.Run(LockCase()).Terms;
        var locked = Simulator.Run(LockCase(new LockSchool("A", null, Autumn2020))).Terms;

        // Without the lock: n joins its nearest school A, and a1's new pupils go to B next door.
        Assert.Equal("A", SchoolOf(free[0], "n"));
        Assert.Equal("B", SchoolOf(free[2], "a1"));
        // With it: A's catchment stays {a1}.
        Assert.Equal("B", SchoolOf(locked[0], "n"));
        Assert.Equal("A", SchoolOf(locked[2], "a1"));
        Assert.Equal(30, locked[2].Placements.Single(p => p.AreaCode == "a1" && p.Grade == 1).Students);
        Assert.All(locked, t => Assert.Empty(t.ConstraintIssues));
    }

    [Fact]
    public void Run_PinIntoLockedCatchment_HoldsThePinAndReportsTheConflict()
    {
        var term = Simulator.Run(LockCase(new LockSchool("A", null, Autumn2020), new PinArea("n", null, "A", Autumn2020))).Terms[0];

        Assert.Equal("A", SchoolOf(term, "n"));
        var issue = Assert.Single(term.ConstraintIssues);
        Assert.Equal(ConstraintIssueKind.Conflict, issue.Kind);
        Assert.Equal(1, issue.Change);
        Assert.Contains("changes[0]", issue.Message);
    }

    [Fact]
    public void Run_KeepCurrentMode_IgnoresPins()
    {
        var term = Simulator.Run(TwoSchools(new PinArea("a1", null, "B", Autumn2020)), RunMode.KeepCurrent).Terms[0];

        Assert.Equal("A", SchoolOf(term, "a1"));
        Assert.Empty(term.ConstraintIssues);
    }
}
