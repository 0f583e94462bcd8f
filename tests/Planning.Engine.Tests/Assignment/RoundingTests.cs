using Planning.Engine.Assignment;
using Planning.Engine.Inputs;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// <see cref="Rounding.WithRoom"/>, the split flow made whole: a unit the flow split goes where the
/// flow sent part of it and there is room, not to its main school when that is full.
/// </summary>
public class RoundingTests
{
    private const long OverflowCost = 10_000_000;

    /// <summary>
    /// Grade 1 seats: school 0 has 16, school 1 has 15. Unit 0 (10 pupils) is 1 m from school 0 and
    /// 100 m from school 1; unit 1 (10 pupils) 1 m and 2 m. The split flow's only optimum sends unit 0
    /// whole to school 0 and splits unit 1, 6 pupils to school 0 and 4 to school 1 (cost 24).
    /// </summary>
    private static AssignmentProblem TwoUnits() => TwoUnits(unit0ToSchool1: 100, unit1ToSchool1: 2);

    /// <summary>Two units of 10 grade 1 pupils, each 1 m from school 0, with 16 and 15 seats.</summary>
    private static AssignmentProblem TwoUnits(long unit0ToSchool1, long unit1ToSchool1)
    {
        var units = new List<DecisionUnit>
        {
            new(0, Rules.SchoolPart.Primary, [new DemandItem(1, -1, 10)], [new Candidate(0, 1, true), new Candidate(1, unit0ToSchool1, false)]),
            new(1, Rules.SchoolPart.Primary, [new DemandItem(1, -1, 10)], [new Candidate(0, 1, true), new Candidate(1, unit1ToSchool1, false)]),
        };
        var problem = new AssignmentProblem(2, units, moveCost: 0, changeCost: 0, OverflowCost);
        (problem.TotalCapacity[0], problem.TotalCapacity[1]) = (2_000, 2_000);
        (problem.GradeCapacity[AssignmentProblem.Slot(0, 1)], problem.GradeCapacity[AssignmentProblem.Slot(1, 1)]) = (16, 15);
        return problem;
    }

    [Fact]
    public void WithRoom_UnitSplitByTheFlowWhoseMainSchoolIsFull_GoesToTheSchoolWithRoom()
    {
        var problem = TwoUnits();
        var table = CandidateTable.Build(problem);
        var flow = FlowRelaxation.Solve(problem);
        Assert.Equal(24, flow.Cost);
        var shares = Rounding.FlowShares(problem, table, flow);
        Assert.Equal([1.0, 0.0, 0.6, 0.4], shares);

        var (choice, split) = Rounding.WithRoom(problem, table, shares);

        Assert.Equal([0, 1], choice);
        Assert.Equal([1], split);
        Assert.Equal((10 * 1 + 10 * 2, 0), WholeAreaCost.Measure(problem, choice));
        // Each unit to its largest share instead puts 20 pupils in school 0's 16 seats.
        var (largest, _) = Rounding.Largest(table, shares);
        Assert.Equal(4, WholeAreaCost.Measure(problem, largest).Overflow);
    }

    [Fact]
    public void WithRoom_NoCandidateHasRoom_TheLeastOverfilledThenTheCheapest()
    {
        // Grade 1 seats: school 0 has 10, school 1 has 3. Unit 0, whole at school 0, fills it.
        var problem = TwoUnits();
        problem.GradeCapacity[AssignmentProblem.Slot(0, 1)] = 10;
        problem.GradeCapacity[AssignmentProblem.Slot(1, 1)] = 3;
        var table = CandidateTable.Build(problem);
        // Unit 0 whole at school 0 (no room left there); unit 1 half and half.
        double[] shares = [1.0, 0.0, 0.5, 0.5];

        var (choice, _) = Rounding.WithRoom(problem, table, shares);

        // Unit 1 adds 10 over at school 0 and 7 at school 1: school 1.
        Assert.Equal([0, 1], choice);

        // Equal overflow both ways (school 0 full, school 1 without grade 1 seats): the cheaper, school 1, though the flow used
        // school 0 as much and it comes first.
        var units = new List<DecisionUnit>
        {
            problem.Units[0],
            problem.Units[1] with { Candidates = [new Candidate(0, 5, true), new Candidate(1, 2, false)] },
        };
        var tied = new AssignmentProblem(2, units, moveCost: 0, changeCost: 0, OverflowCost);
        Array.Copy(problem.TotalCapacity, tied.TotalCapacity, 2);
        tied.GradeCapacity[AssignmentProblem.Slot(0, 1)] = 10;
        Assert.Equal([0, 1], Rounding.WithRoom(tied, CandidateTable.Build(tied), [1.0, 0.0, 0.5, 0.5]).Choice);
    }

    [Fact]
    public void WithRoom_BothUsedCandidatesHaveRoom_TheOneTheFlowUsedMostThoughDearer()
    {
        // 20 grade 1 seats at school 0: room for both units.
        var problem = TwoUnits();
        problem.GradeCapacity[AssignmentProblem.Slot(0, 1)] = 20;
        var table = CandidateTable.Build(problem);

        // Unit 1 mostly at school 1 (2 m) rather than school 0 (1 m); both have room for it.
        var (choice, split) = Rounding.WithRoom(problem, table, [1.0, 0.0, 0.3, 0.7]);

        Assert.Equal([0, 1], choice);
        Assert.Equal([1], split);
    }

    [Fact]
    public void WithRoom_GradeSeatsLeftButTheSchoolFull_GoesWhereTheSchoolHasRoom()
    {
        // Unit 1 has grades 1 and 2, 10 pupils each. After unit 0's 10, school 0 has room in both grades
        // (16 and 10 seats) but 15 under its size of 25: unit 1's 20 would put it 5 over.
        var problem = TwoUnits();
        var units = new List<DecisionUnit>
        {
            problem.Units[0],
            problem.Units[1] with { Items = [new DemandItem(1, -1, 10), new DemandItem(2, -1, 10)] },
        };
        var twoGrades = new AssignmentProblem(2, units, moveCost: 0, changeCost: 0, OverflowCost);
        (twoGrades.TotalCapacity[0], twoGrades.TotalCapacity[1]) = (25, 2_000);
        (twoGrades.GradeCapacity[AssignmentProblem.Slot(0, 1)], twoGrades.GradeCapacity[AssignmentProblem.Slot(0, 2)]) = (26, 10);
        (twoGrades.GradeCapacity[AssignmentProblem.Slot(1, 1)], twoGrades.GradeCapacity[AssignmentProblem.Slot(1, 2)]) = (10, 10);
        var table = CandidateTable.Build(twoGrades);

        var (choice, _) = Rounding.WithRoom(twoGrades, table, [1.0, 0.0, 0.9, 0.1]);

        Assert.Equal([0, 1], choice);
        Assert.Equal(0, WholeAreaCost.Measure(twoGrades, choice).Overflow);
        // With a size of 40 school 0 has room for both grades of unit 1 too, and the flow's 0.9 wins.
        twoGrades.TotalCapacity[0] = 40;
        Assert.Equal([0, 0], Rounding.WithRoom(twoGrades, table, [1.0, 0.0, 0.9, 0.1]).Choice);
        // Grade 2 one seat short at school 0: school 1 again.
        twoGrades.GradeCapacity[AssignmentProblem.Slot(0, 2)] = 9;
        Assert.Equal([0, 1], Rounding.WithRoom(twoGrades, table, [1.0, 0.0, 0.9, 0.1]).Choice);
    }

    [Fact]
    public void WithRoom_WholeUnitsFirst_ASplitUnitOfLowerIndexDoesNotTakeTheirSeats()
    {
        // Unit 0 is split (0.6 at school 0), unit 1 whole at school 0, which has seats for one of them.
        var problem = TwoUnits(unit0ToSchool1: 2, unit1ToSchool1: 100);
        var table = CandidateTable.Build(problem);

        var (choice, split) = Rounding.WithRoom(problem, table, [0.6, 0.4, 1.0, 0.0]);

        Assert.Equal([1, 0], choice);
        Assert.Equal([0], split);
    }

    [Fact]
    public void WholeAreaSolver_PartWithoutTheLp_StartsFromTheFlowRoundedWithRoom()
    {
        // Nothing after the rounding: no LP, no local search, no CP-SAT or SCIP, any cost within the gap.
        var options = SolverOptions.Default with
        {
            MaxLpCandidates = 0, LocalSearchPasses = 0, MaxOverflowAreas = 0, MipNodes = 0, RelativeGap = 1,
        };

        var solution = AssignmentSolver.Solve(TwoUnits(), allowSplitting: false, options, CancellationToken.None);

        Assert.Equal(10 * 1 + 10 * 2, solution.Stats.Objective);
        Assert.Equal("rounded", solution.Stats.Method);
    }
}
