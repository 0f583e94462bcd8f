using Planning.Engine.Assignment;
using Planning.Engine.Inputs;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// Where the whole-area LP gives no shares, the local search also starts from the previous term's plan
/// (each area at its current catchment) and the better end is kept: the flow's rounding can lead the
/// search to a plan with overflow it cannot leave.
/// </summary>
public class PreviousPlanStartTests
{
    /// <summary>Nothing after the local search: no LP, no CP-SAT or SCIP, any cost within the gap.</summary>
    private static readonly SolverOptions SearchOnly = SolverOptions.Default with
    {
        MaxLpCandidates = 0, MaxOverflowAreas = 0, MipNodes = 0, RelativeGap = 1,
    };

    /// <summary>
    /// Eight units of grade 1 pupils, three candidates each (school, metres), at four schools with 15,
    /// 14, 11 and 19 grade 1 seats (59 seats for 54 pupils); <paramref name="current"/> is each unit's
    /// current catchment (a candidate index). Found by searching random instances for one where the two
    /// starts end apart.
    /// </summary>
    private static AssignmentProblem Instance(int[]? current = null)
    {
        current ??= [0, 0, 1, 0, 1, 1, 1, 0];
        (int Pupils, (int School, long Metres)[] Candidates)[] units =
        [
            (10, [(0, 440), (1, 250), (2, 200)]),
            (3, [(3, 250), (0, 350), (1, 490)]),
            (10, [(1, 320), (2, 190), (3, 250)]),
            (6, [(3, 490), (0, 110), (1, 380)]),
            (4, [(2, 90), (3, 230), (0, 110)]),
            (6, [(0, 310), (1, 190), (2, 420)]),
            (9, [(1, 80), (2, 350), (3, 330)]),
            (6, [(0, 400), (1, 420), (2, 420)]),
        ];
        var decisionUnits = units.Select((unit, area) => new DecisionUnit(
            area, Rules.SchoolPart.Primary, [new DemandItem(1, -1, unit.Pupils)],
            [.. unit.Candidates.Select((c, i) => new Candidate(c.School, c.Metres, i == current[area]))])).ToList();
        var problem = new AssignmentProblem(4, decisionUnits, moveCost: 0, changeCost: 0, overflowCost: 10_000_000);
        int[] seats = [15, 14, 11, 19];
        for (var s = 0; s < seats.Length; s++)
        {
            problem.TotalCapacity[s] = 2_000;
            problem.GradeCapacity[AssignmentProblem.Slot(s, 1)] = seats[s];
        }

        return problem;
    }

    /// <summary>The plan the search from the current catchments ends at, as candidate indices.</summary>
    private static readonly int[] SearchedPlan = [0, 0, 1, 0, 2, 1, 2, 1];

    [Fact]
    public void FlowRoundingAlone_LocalSearchStopsWithAPupilOver()
    {
        var problem = Instance();
        var table = CandidateTable.Build(problem);
        var (start, _) = Rounding.WithRoom(problem, table, Rounding.FlowShares(problem, table, FlowRelaxation.Solve(problem)));

        var polished = LocalSearch.Improve(problem, table, start, SearchOnly.LocalSearchPasses, SearchOnly.LocalSearchMoves, CancellationToken.None);

        Assert.Equal(1, WholeAreaCost.Measure(problem, polished).Overflow);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_WithoutTheLp_TakesTheSearchFromThePreviousPlanWhenItEndsWithLessOverflow(int workers)
    {
        var solution = AssignmentSolver.Solve(Instance(), allowSplitting: false, SearchOnly with { Workers = workers }, CancellationToken.None);

        Assert.Equal(0, solution.Stats.OverflowPupils);
        Assert.Equal(17_060, WholeAreaCost.Measure(Instance(), SearchedPlan).Cost);
        // 10 × 440 + 3 × 250 + 10 × 190 + 6 × 490 + 4 × 110 + 6 × 190 + 9 × 330 + 6 × 420 pupil-metres,
        // with 14, 12, 10 and 18 pupils in the four schools' 15, 14, 11 and 19 seats.
        Assert.Equal(17_060, solution.Stats.Objective);
        Assert.Equal("local-search", solution.Stats.Method);
    }

    [Fact]
    public void Solve_NoLocalSearchPasses_NoStartFromThePreviousPlanEither()
    {
        // The current catchments are the plan without overflow: taken as a start, it would win as it is.
        var problem = Instance(current: SearchedPlan);

        var solution = AssignmentSolver.Solve(problem, allowSplitting: false, SearchOnly with { LocalSearchPasses = 0 }, CancellationToken.None);

        // The flow rounded with room, as it is: one pupil over.
        Assert.Equal(1, solution.Stats.OverflowPupils);
        Assert.Equal(10_011_090, solution.Stats.Objective);
        Assert.Equal(0, WholeAreaCost.Measure(problem, SearchedPlan).Overflow);
    }
}
