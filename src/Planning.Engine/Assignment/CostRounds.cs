using Planning.Engine.Inputs;

namespace Planning.Engine.Assignment;

/// <summary>
/// A large-neighbourhood search for the cost of a part too large to give CP-SAT whole: round after
/// round, CP-SAT re-decides the units around one school (<see cref="Neighbourhood"/>, up to
/// <see cref="SolverOptions.CostRoundAreas"/>, never more than <see cref="SolverOptions.MaxFreeAreas"/>)
/// for <see cref="SolverOptions.CostRoundSeconds"/> while every other unit keeps its school, and its
/// answer is kept when it is better; the overflow never rises. Each round starts from the school
/// whose units pay most above their cheapest
/// candidates among the schools not yet started from; once every such school has been, a new sweep
/// starts if the last one improved anything. The seeds are chosen by travel, move and change costs
/// alone: where every unit is already at its cheapest candidate (a gap of under-fill or overflow
/// only) no round runs. Work limits only, so a run repeats exactly.
/// </summary>
internal static class CostRounds
{
    /// <returns>The best assignment found (<paramref name="start"/> itself when no round improved it), and the most units one round re-decided.</returns>
    public static (int[] Choice, int MostFree) Run(
        AssignmentProblem problem, CandidateTable table, int[] start, SolverOptions options, Func<double, bool> withinGap, CancellationToken cancellation)
    {
        var choice = start;
        var (cost, overflow) = WholeAreaCost.Measure(problem, choice);
        var startedFrom = new bool[problem.SchoolCount];
        var improvedThisSweep = false;
        var mostFree = 0;
        var size = Math.Min(options.CostRoundAreas, options.MaxFreeAreas);
        var cheapest = Cheapest(table);
        for (var round = 0; round < options.CostRounds && size > 0 && !withinGap(cost) && !cancellation.IsCancellationRequested; round++)
        {
            var excess = ExcessCost(problem, table, cheapest, choice);
            var seed = Dearest(excess, startedFrom);
            if (seed < 0 && improvedThisSweep)
            {
                Array.Clear(startedFrom);
                improvedThisSweep = false;
                seed = Dearest(excess, startedFrom);
            }

            if (seed < 0)
            {
                break;
            }

            startedFrom[seed] = true;
            var free = Neighbourhood.Around(table, problem.SchoolCount, [seed], [], size);
            mostFree = Math.Max(mostFree, free.Count);
            var outcome = CpSatSearch.Solve(
                problem, table, choice, free, CpSatSearch.Goal.Cost, keepOverflow: true, options.CostRoundSeconds, withinGap, cancellation);
            var (newCost, newOverflow) = WholeAreaCost.Measure(problem, outcome.Choice);
            if (newOverflow < overflow || (newOverflow == overflow && newCost < cost))
            {
                (choice, cost, overflow) = (outcome.Choice, newCost, newOverflow);
                improvedThisSweep = true;
            }
        }

        return (choice, mostFree);
    }

    /// <summary>Each unit's cheapest candidate cost.</summary>
    private static long[] Cheapest(CandidateTable table)
    {
        var cheapest = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            cheapest[u] = long.MaxValue;
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                cheapest[u] = Math.Min(cheapest[u], table.Cost[k]);
            }
        }

        return cheapest;
    }

    /// <summary>Per school, what the units placed there pay above their cheapest candidate.</summary>
    private static long[] ExcessCost(AssignmentProblem problem, CandidateTable table, long[] cheapest, int[] choice)
    {
        var excess = new long[problem.SchoolCount];
        for (var u = 0; u < table.Units; u++)
        {
            if (choice[u] >= 0)
            {
                var at = table.First[u] + choice[u];
                excess[table.School[at]] += table.Cost[at] - cheapest[u];
            }
        }

        return excess;
    }

    /// <summary>The school with the largest excess not yet started from (the lowest index on ties), or −1 when none has any.</summary>
    private static int Dearest(long[] excess, bool[] startedFrom)
    {
        var seed = -1;
        for (var s = 0; s < excess.Length; s++)
        {
            seed = !startedFrom[s] && excess[s] > 0 && (seed < 0 || excess[s] > excess[seed]) ? s : seed;
        }

        return seed;
    }
}
