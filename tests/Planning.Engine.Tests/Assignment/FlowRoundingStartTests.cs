using Planning.Engine.Assignment;
using Planning.Engine.Inputs;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// Where the whole-area LP gives no shares, the local search has one start: the flow's rounding. The
/// previous term's plan (each area at its current catchment) is not a second start: over the 100k
/// horizon such a search beside the flow cost about 100 CPU s and led the later steps to worse ends
/// (BENCHMARKS.md, "sixth session"), though on this instance it would have seated the pupil the
/// search from the rounding leaves over.
/// </summary>
public class FlowRoundingStartTests
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

    /// <summary>A plan without overflow (candidate indices), which the search from the rounding does not reach.</summary>
    private static readonly int[] PlanWithoutOverflow = [0, 0, 1, 0, 2, 1, 2, 1];

    /// <summary>The flow rounded with room, then the local search from it (the search's work does not depend on the workers).</summary>
    private static int[] FromRounding(AssignmentProblem problem)
    {
        var table = CandidateTable.Build(problem);
        var (start, _) = Rounding.WithRoom(problem, table, Rounding.FlowShares(problem, table, FlowRelaxation.Solve(problem)));
        return LocalSearch.Improve(problem, table, start, SearchOnly.LocalSearchPasses, SearchOnly.LocalSearchMoves, CancellationToken.None);
    }

    [Fact]
    public void FlowRoundingAlone_LocalSearchStopsWithAPupilOver()
    {
        var problem = Instance();

        Assert.Equal(1, WholeAreaCost.Measure(problem, FromRounding(problem)).Overflow);
        Assert.Equal(0, WholeAreaCost.Measure(problem, PlanWithoutOverflow).Overflow);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_WithoutTheLp_AnswersFromTheRoundingWhateverTheCurrentCatchments(int workers)
    {
        var options = SearchOnly with { Workers = workers };
        var problem = Instance();
        var fromRounding = FromRounding(problem);

        // Moving and changing catchment cost nothing here, so the current catchments could matter only as a start.
        var usual = AssignmentSolver.Solve(problem, allowSplitting: false, options, CancellationToken.None);
        var atThePlanWithoutOverflow = AssignmentSolver.Solve(Instance(current: PlanWithoutOverflow), allowSplitting: false, options, CancellationToken.None);

        foreach (var solution in new[] { usual, atThePlanWithoutOverflow })
        {
            Assert.Equal(1, solution.Stats.OverflowPupils);
            Assert.Equal(WholeAreaCost.Measure(problem, fromRounding).Cost, solution.Stats.Objective);
            Assert.Equal("local-search", solution.Stats.Method);
            Assert.Equal(fromRounding, solution.PerUnit.Select((allocations, u) => problem.Units[u].Candidates.ToList().FindIndex(c => c.School == allocations.Single().School)));
        }
    }
}
