using Planning.Engine.Assignment;
using Planning.Engine.Inputs;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// The cost rounds (CP-SAT over one school's surroundings at a time) on a district of 2,000 areas
/// and 200 schools, too large for CP-SAT whole (<see cref="SolverOptions.MaxFreeAreas"/> 500): they
/// must lower what the local search leaves, never add overflow, and repeat exactly.
/// </summary>
public class CostRoundsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_AfterTheLocalSearch_LowersTheCostNeverTheOverflowUp(int seed)
    {
        var (problem, table, start) = LocalSearchSkipTests.Line(new Random(seed));
        var polished = LocalSearch.For(problem, table).Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);
        var (cost, overflow) = WholeAreaCost.Measure(problem, polished);

        var options = SolverOptions.Default with { CostRounds = 10 };

        var (choice, mostFree) = CostRounds.Run(problem, table, polished, options, _ => false, CancellationToken.None);

        var (newCost, newOverflow) = WholeAreaCost.Measure(problem, choice);
        Assert.True(newOverflow <= overflow, $"overflow {overflow} -> {newOverflow}");
        Assert.True(newCost < cost, $"cost {cost} -> {newCost}: no round improved on the local search");
        Assert.InRange(mostFree, 1, SolverOptions.Default.CostRoundAreas);
        var again = CostRounds.Run(problem, table, polished, options, _ => false, CancellationToken.None);
        Assert.Equal(choice, again.Choice);
    }

    [Fact]
    public void Run_OverflowCheaperThanTravel_NeverRaisesIt()
    {
        // At 50 m a pupil over a limit, CP-SAT's cost alone would fill the nearest schools past their
        // seats: the rounds must keep the overflow the local search left.
        var (problem, table, start) = LocalSearchSkipTests.Line(new Random(5), overflowCost: 50);
        var polished = LocalSearch.For(problem, table).Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);
        var (cost, overflow) = WholeAreaCost.Measure(problem, polished);

        var (choice, _) = CostRounds.Run(problem, table, polished, SolverOptions.Default with { CostRounds = 10 }, _ => false, CancellationToken.None);

        var (newCost, newOverflow) = WholeAreaCost.Measure(problem, choice);
        Assert.True(newOverflow <= overflow, $"overflow {overflow} -> {newOverflow}");
        Assert.True(newCost < cost, $"cost {cost} -> {newCost}");
    }

    [Fact]
    public void Run_Cancelled_ReturnsTheStartUntouched()
    {
        var (problem, table, start) = LocalSearchSkipTests.Line(new Random(1));
        var polished = LocalSearch.For(problem, table).Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);

        var (choice, mostFree) = CostRounds.Run(problem, table, polished, SolverOptions.Default, _ => false, new CancellationToken(canceled: true));

        Assert.Same(polished, choice);
        Assert.Equal(0, mostFree);
    }

    [Fact]
    public void Run_AlreadyWithinTheGap_ReturnsTheStartUntouched()
    {
        var (problem, table, start) = LocalSearchSkipTests.Line(new Random(3));

        var (choice, mostFree) = CostRounds.Run(problem, table, start, SolverOptions.Default, _ => true, CancellationToken.None);

        Assert.Same(start, choice);
        Assert.Equal(0, mostFree);
    }

    [Fact]
    public void Solve_LargePart_RoundsLowerTheObjectiveUnlessThePartIsBeyondTheirLimit()
    {
        var (problem, table, _) = LocalSearchSkipTests.Line(new Random(4));
        Assert.True(table.Units > SolverOptions.Default.MaxFreeAreas);
        var options = SolverOptions.Default with { OverflowSeconds = 0.5, CostRounds = 10, MipNodes = 0 };

        var withRounds = AssignmentSolver.Solve(problem, allowSplitting: false, options, CancellationToken.None);
        var without = AssignmentSolver.Solve(problem, allowSplitting: false, options with { CostRounds = 0 }, CancellationToken.None);
        var beyondLimit = AssignmentSolver.Solve(problem, allowSplitting: false, options with { MaxCostRoundAreas = table.Units - 1 }, CancellationToken.None);

        Assert.True(withRounds.Stats.Objective < without.Stats.Objective, $"{withRounds.Stats.Objective} vs {without.Stats.Objective}");
        Assert.True(withRounds.Stats.OverflowPupils <= without.Stats.OverflowPupils);
        Assert.True(withRounds.Stats.Objective >= withRounds.Stats.LowerBound);
        Assert.Equal(without.Stats.Objective, beyondLimit.Stats.Objective);
    }
}
