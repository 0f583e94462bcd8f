using Planning.Engine.Assignment;
using Planning.Engine.Rules;
using static Planning.Engine.Tests.Assignment.WholeAreaSolverTests;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// The split flow is tried first with overflow at a lower price and kept only when that flow already
/// has the least overflow any flow can have; its cost is then the cost at the real price.
/// </summary>
public class FlowRelaxationTests
{
    private const long Overflow = 10_000_000;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomInstance_CostAsAtTheRealPriceWithTheLeastOverflow(int seed)
    {
        var problem = RandomProblem(new Random(seed));

        var result = FlowRelaxation.Solve(problem);

        var (real, realOverflow) = FlowRelaxation.SolveAt(problem, Overflow);
        Assert.Equal(real.Cost, result.Cost);
        Assert.Equal(realOverflow, OverflowOf(problem, result));
        Assert.True(FlowRelaxation.TryPrice(problem) < Overflow);
        var least = problem.Units.Sum(u => (long)u.Pupils) - result.MostSeated;
        if (least is not null && FlowRelaxation.SolveAt(problem, FlowRelaxation.TryPrice(problem)).OverflowUnits == least)
        {
            // Kept from the try: only when its overflow is the seats' least (pupils over both a grade's
            // and a school's seats count twice, so that least is not always reached; then it is solved again).
            Assert.Equal(least, realOverflow);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomInstanceWithFillTargets_SolvedAtTheRealPrice(int seed)
    {
        var problem = RandomProblem(new Random(seed), underFillCost: 3_000);
        problem.FillTarget[0] = Math.Max(1, problem.FillTarget[0]);

        var result = FlowRelaxation.Solve(problem);

        Assert.Equal(Overflow, FlowRelaxation.TryPrice(problem));
        Assert.Equal(FlowRelaxation.SolveAt(problem, Overflow).Result.Cost, result.Cost);
        Assert.Null(result.MostSeated);
    }

    [Fact]
    public void Solve_ClustersWithOverflow_CostAndFlowsAsAtTheRealPrice()
    {
        var problem = SolverGuaranteesTests.Clusters(new Random(11), clusters: 2, areasPerCluster: 120, schoolsPerCluster: 5);

        var result = FlowRelaxation.Solve(problem);

        var (real, realOverflow) = FlowRelaxation.SolveAt(problem, Overflow);
        Assert.True(realOverflow > 0);
        Assert.Equal(real.Cost, result.Cost);
        Assert.Equal(problem.Units.Sum(u => (long)u.Pupils) - FlowRelaxation.MostSeated(problem), result.MostSeated is { } seated ? problem.Units.Sum(u => (long)u.Pupils) - seated : -1);
        Assert.Equal(real.Cost, CostAtRealPrice(problem, result));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Solve_SeatMaxFlowBesideTheTry_SameFlowCostAndSeats(int seed)
    {
        var problem = SolverGuaranteesTests.Clusters(new Random(seed), clusters: 2, areasPerCluster: 120, schoolsPerCluster: 5);

        var alone = FlowRelaxation.Solve(problem);
        using var seats = new Pending<FlowRelaxation.SeatFlow>(beside: true, () => FlowRelaxation.Seats(problem, withCut: false));
        var beside = FlowRelaxation.Solve(problem, seats);

        // The caller's max flow is the one used: asked for once, not computed again inside.
        var asked = 0;
        using var lazy = new Pending<FlowRelaxation.SeatFlow>(beside: false, () =>
        {
            asked++;
            return FlowRelaxation.Seats(problem, withCut: false);
        });
        var fromLazy = FlowRelaxation.Solve(problem, lazy);

        Assert.NotNull(alone.MostSeated);
        Assert.Equal(alone.MostSeated, beside.MostSeated);
        Assert.Equal(1, asked);
        Assert.Equal(alone.Cost, fromLazy.Cost);
        Assert.Equal(alone.Cost, beside.Cost);
        Assert.Equal(alone.Flows, beside.Flows);
    }

    [Fact]
    public void Solve_SeatingNeedsMoreMovesThanTheTryPricePays_SolvedAgainAtTheRealPrice()
    {
        // Twelve schools in a row with one grade-1 seat each, and a thirteenth empty one: areas 0–11
        // each have a pupil next to their own school and may go one school on at 1,000 m; one more
        // pupil can only go to school 0. Seating everyone shifts the whole row, 12 × 1,000 m, which
        // the try price (2 × the dearest arc, 2,000) does not pay and the real price does.
        const int row = 12;
        var units = new List<DecisionUnit>
        {
            new(0, SchoolPart.Primary, [new DemandItem(1, -1, 1)], [new Candidate(0, 0, true)]),
        };
        for (var i = 0; i < row; i++)
        {
            units.Add(new DecisionUnit(i + 1, SchoolPart.Primary, [new DemandItem(1, -1, 1)], [new Candidate(i, 0, true), new Candidate(i + 1, 1_000, true)]));
        }

        var problem = new AssignmentProblem(row + 1, units, moveCost: 0, changeCost: 0, Overflow);
        for (var s = 0; s <= row; s++)
        {
            problem.TotalCapacity[s] = 2_000;
            problem.GradeCapacity[AssignmentProblem.Slot(s, 1)] = 1;
        }

        var result = FlowRelaxation.Solve(problem);

        Assert.Equal(2_000, FlowRelaxation.TryPrice(problem));
        Assert.Equal(1, FlowRelaxation.SolveAt(problem, FlowRelaxation.TryPrice(problem)).OverflowUnits);
        Assert.Equal(row * 1_000, result.Cost);
        Assert.Equal(0, OverflowOf(problem, result));
    }

    [Fact]
    public void Solve_SeatingTakesOneMoveTheTryPricePays_KeptFromTheTry()
    {
        // The row above, one school long: seating both pupils shifts area 1 on for 1,000 m, less than
        // the try price (2 × the dearest arc), so the try already has no overflow and is kept (no seat
        // max flow was needed to check it).
        var units = new List<DecisionUnit>
        {
            new(0, SchoolPart.Primary, [new DemandItem(1, -1, 1)], [new Candidate(0, 0, true)]),
            new(1, SchoolPart.Primary, [new DemandItem(1, -1, 1)], [new Candidate(0, 0, true), new Candidate(1, 1_000, true)]),
        };
        var problem = new AssignmentProblem(2, units, moveCost: 0, changeCost: 0, Overflow);
        for (var s = 0; s < 2; s++)
        {
            problem.TotalCapacity[s] = 2_000;
            problem.GradeCapacity[AssignmentProblem.Slot(s, 1)] = 1;
        }

        var result = FlowRelaxation.Solve(problem);

        Assert.Equal(0, FlowRelaxation.SolveAt(problem, FlowRelaxation.TryPrice(problem)).OverflowUnits);
        Assert.Null(result.MostSeated);
        Assert.Equal(1_000, result.Cost);
        Assert.Equal(0, OverflowOf(problem, result));
    }

    /// <summary>Overflow units of a flow: pupils beyond each grade's and each school's seats.</summary>
    private static long OverflowOf(AssignmentProblem problem, FlowRelaxation.Result result)
    {
        var (grade, total) = Loads(problem, result);
        return grade.Select((load, slot) => AssignmentProblem.Over(load, problem.GradeCapacity[slot])).Sum()
            + total.Select((load, s) => AssignmentProblem.Over(load, problem.TotalCapacity[s])).Sum();
    }

    /// <summary>The flow's cost recomputed from its flows at the real overflow price (no fill targets).</summary>
    private static long CostAtRealPrice(AssignmentProblem problem, FlowRelaxation.Result result)
    {
        long cost = 0;
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            for (var i = 0; i < unit.Items.Count; i++)
            {
                for (var c = 0; c < unit.Candidates.Count; c++)
                {
                    cost += result.Flows[result.ItemFirst[u] + i * unit.Candidates.Count + c] * problem.PupilCost(unit.Items[i], unit.Candidates[c]);
                }
            }
        }

        return cost + Overflow * OverflowOf(problem, result);
    }

    private static (long[] Grade, long[] Total) Loads(AssignmentProblem problem, FlowRelaxation.Result result)
    {
        var grade = new long[problem.GradeCapacity.Length];
        var total = new long[problem.SchoolCount];
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            for (var i = 0; i < unit.Items.Count; i++)
            {
                for (var c = 0; c < unit.Candidates.Count; c++)
                {
                    var flow = result.Flows[result.ItemFirst[u] + i * unit.Candidates.Count + c];
                    grade[AssignmentProblem.Slot(unit.Candidates[c].School, unit.Items[i].Grade)] += flow;
                    total[unit.Candidates[c].School] += flow;
                }
            }
        }

        return (grade, total);
    }
}
