using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Planning.Engine.Assignment;

/// <summary>
/// The whole-area model of a part given to a general MIP solver (SCIP, bundled with OR-Tools):
/// x<sub>u,c</sub> binary, as in <see cref="WholeAreaLp"/> otherwise, started from the caller's
/// answer. SCIP's LP bound with cuts and branching is tighter than the plain LP's, and its
/// heuristics find what the local search and CP-SAT miss. It stops on a node limit, never on the
/// clock, with one thread and a fixed seed, so that a run repeats (every check so far: the tests' repeat
/// and a benchmark case in two processes; OR-Tools hands SCIP each row in hash-map order).
/// </summary>
internal static class MipSearch
{
    /// <summary>What SCIP found.</summary>
    /// <param name="Choice">Candidate index per unit, or null when SCIP found no solution.</param>
    /// <param name="Bound">SCIP's proven lower bound on the part's goal, or null without one.</param>
    /// <param name="Status">SCIP's status as OR-Tools reports it.</param>
    public sealed record Outcome(int[]? Choice, long? Bound, string Status);

    /// <param name="problem">The part.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="start">Candidate index per unit: given to SCIP as its first solution.</param>
    /// <param name="goal">
    /// What to minimise: the objective, or (<see cref="CpSatSearch.Goal.Overflow"/>) the overflow
    /// pupils, then the units moved from the start; the bound is then on the overflow pupils.
    /// </param>
    /// <param name="nodes">SCIP's node limit (its work limit).</param>
    /// <param name="relativeGap">SCIP stops once its solution is within this share of its bound.</param>
    /// <param name="cancellation">Interrupts SCIP when cancelled.</param>
    /// <param name="free">
    /// The units SCIP may move, every other staying at its start; the outcome then has no bound
    /// (SCIP's holds for these units alone).
    /// </param>
    /// <param name="rootCutRounds">SCIP's rounds of cuts at the root, or −1 for SCIP's own limit (none).</param>
    public static Outcome Solve(
        AssignmentProblem problem,
        CandidateTable table,
        int[] start,
        CpSatSearch.Goal goal,
        long nodes,
        double relativeGap,
        CancellationToken cancellation,
        IReadOnlyList<int>? free = null,
        int rootCutRounds = -1)
    {
        if (cancellation.IsCancellationRequested)
        {
            return new Outcome(null, null, "cancelled");
        }

        var lap = PhaseClock.Start("MIP build");
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available");
        solver.SetNumThreads(1);
        // No SIGINT handler of SCIP's own: parts solve side by side, and the server owns its signals.
        var parameters = string.Create(
            CultureInfo.InvariantCulture,
            $"limits/nodes = {nodes}\nlimits/gap = {relativeGap:R}\nrandomization/randomseedshift = 0\nmisc/catchctrlc = FALSE\nseparating/maxroundsroot = {rootCutRounds}\n");
        if (!solver.SetSolverSpecificParametersAsString(parameters))
        {
            throw new InvalidOperationException($"SCIP refused its parameters: {parameters}");
        }

        var overflowOnly = goal == CpSatSearch.Goal.Overflow;
        var x = WholeAreaLp.Build(solver, problem, table, integer: true, start, overflowOnly, free).X;
        // Every modelled x, zeros too: SCIP ignores a start that leaves most variables unknown.
        var modelled = Enumerable.Range(0, table.Units).Where(u => x[table.First[u]] is not null).ToArray();
        solver.SetHint(
            modelled.SelectMany(u => Enumerable.Range(table.First[u], table.Count(u)).Select(k => x[k]!)).ToArray(),
            modelled.SelectMany(u => Enumerable.Range(0, table.Count(u)).Select(c => c == start[u] ? 1.0 : 0.0)).ToArray());
        lap.Dispose();
        using var solving = PhaseClock.Start("MIP solve");
        var status = SolveInterruptibly(solver, cancellation);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            // OR-Tools reads SCIP's bound only along with a solution.
            return new Outcome(null, null, status.ToString());
        }

        // SCIP's bound is a floating-point value within its tolerances: a millionth is given back.
        var bound = solver.Objective().BestBound();
        bound -= 1e-6 * Math.Max(1, Math.Abs(bound));
        // Overflow goal, W × overflow + units moved with W = units + 1: at most W − 1 units move, so
        // ⌈(bound − units) / W⌉ pupils are unavoidable (the least overflow itself when SCIP's bound is
        // tight and below a million; one pupil less above, where the millionth given back reaches 1; where
        // it is not tight, possibly a pupil short of the LP's own bound, WholeAreaLp.LeastOverflow;
        // doubling W to avoid that changed SCIP's path and its plans for the worse, BENCHMARKS.md).
        // The cost's every value is a whole number.
        long? wholeBound = free is not null ? null : (long)Math.Ceiling(overflowOnly ? (bound - table.Units) / (table.Units + 1.0) : bound);

        var choice = (int[])start.Clone();
        foreach (var u in free ?? Enumerable.Range(0, table.Units))
        {
            var best = 0;
            for (var c = 1; c < table.Count(u); c++)
            {
                best = x[table.First[u] + c]!.SolutionValue() > x[table.First[u] + best]!.SolutionValue() ? c : best;
            }

            choice[u] = best;
        }

        return new Outcome(choice, wholeBound, status.ToString());
    }

    /// <summary>
    /// SCIP's solve, interrupted once <paramref name="cancellation"/> fires: again and again until the
    /// solve returns, since SCIP clears an interruption that arrives before its search has started.
    /// </summary>
    private static Solver.ResultStatus SolveInterruptibly(Solver solver, CancellationToken cancellation)
    {
        var gate = new object();
        var solving = true;
        using var stop = cancellation.Register(() => Task.Run(async () =>
        {
            while (true)
            {
                lock (gate)
                {
                    if (!solving)
                    {
                        return;
                    }

                    solver.InterruptSolve();
                }

                await Task.Delay(50);
            }
        }));
        try
        {
            return cancellation.IsCancellationRequested ? Solver.ResultStatus.NOT_SOLVED : solver.Solve();
        }
        finally
        {
            lock (gate)
            {
                solving = false;
            }
        }
    }
}
