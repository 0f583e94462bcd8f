using System.Globalization;
using Google.OrTools.Sat;

namespace Planning.Engine.Assignment;

/// <summary>
/// CP-SAT over some units (the free ones) while the others keep their school: one Boolean per
/// unit and candidate, exactly one per unit, and per grade, school and fill target a slack variable
/// priced in the objective, as in <see cref="AssignmentProblem"/>. It minimises either the whole
/// cost or the overflow pupils alone, never ends above its hint, and stops on deterministic time,
/// one worker and a fixed seed, so a run repeats exactly.
/// </summary>
internal static class CpSatSearch
{
    public enum Goal
    {
        /// <summary>The objective of <see cref="AssignmentProblem"/>.</summary>
        Cost,

        /// <summary>
        /// Overflow pupils, then as few units away from their start as possible: the objective is
        /// W × overflow + units moved with W = free units + 1, so the overflow comes first and its
        /// bound is ⌊objective bound / W⌋.
        /// </summary>
        Overflow,
    }

    /// <summary>What CP-SAT found.</summary>
    /// <param name="Choice">Candidate index per unit (the start where CP-SAT found nothing better).</param>
    /// <param name="Status">CP-SAT's status.</param>
    /// <param name="Bound">CP-SAT's proven bound on the goal over the free units (a bound for the whole problem only when every unit was free).</param>
    public sealed record Outcome(int[] Choice, string Status, double Bound)
    {
        public bool IsOptimal => Status == nameof(CpSolverStatus.Optimal);
    }

    /// <param name="problem">The problem.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="start">Candidate index per unit: the hint, and the school of every unit not free.</param>
    /// <param name="free">Units CP-SAT may re-decide.</param>
    /// <param name="goal">What to minimise.</param>
    /// <param name="keepOverflow">When true, the free units' overflow may not rise above the start's.</param>
    /// <param name="deterministicSeconds">CP-SAT's work limit.</param>
    /// <param name="goodEnough">Stops the search at the first solution whose goal value (free and fixed units together) it accepts.</param>
    /// <param name="cancellation">Stops the search when cancelled.</param>
    public static Outcome Solve(
        AssignmentProblem problem,
        CandidateTable table,
        int[] start,
        IReadOnlyList<int> free,
        Goal goal,
        bool keepOverflow,
        double deterministicSeconds,
        Func<double, bool> goodEnough,
        CancellationToken cancellation)
    {
        var lap = PhaseClock.Start($"CP-SAT {goal} build");
        var isFree = new bool[table.Units];
        foreach (var u in free)
        {
            isFree[u] = true;
        }

        var (gradeCap, totalCap, target) = table.SeatsLeft(problem, start, isFree);
        var fixedCost = Enumerable.Range(0, table.Units).Where(u => !isFree[u] && start[u] >= 0).Sum(u => table.Cost[table.First[u] + start[u]]);

        var model = new CpModel();
        var objective = LinearExpr.NewBuilder();
        var vars = new BoolVar[free.Count][];
        var gradeTerms = new Dictionary<int, List<(BoolVar Var, long Pupils, bool Hinted)>>();
        var totalTerms = new Dictionary<int, List<(BoolVar Var, long Pupils, bool Hinted)>>();
        for (var f = 0; f < free.Count; f++)
        {
            var u = free[f];
            vars[f] = new BoolVar[table.Count(u)];
            for (var c = 0; c < vars[f].Length; c++)
            {
                var x = model.NewBoolVar(string.Empty);
                vars[f][c] = x;
                var k = table.First[u] + c;
                var hinted = c == start[u];
                model.AddHint(x, hinted);
                if (goal == Goal.Cost || !hinted)
                {
                    objective.AddTerm(x, goal == Goal.Cost ? table.Cost[k] : 1);
                }

                for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
                {
                    Terms(gradeTerms, AssignmentProblem.Slot(table.School[k], table.Grade[j])).Add((x, table.GradePupils[j], hinted));
                }

                Terms(totalTerms, table.School[k]).Add((x, table.Pupils[u], hinted));
            }

            model.AddExactlyOne(vars[f]);
        }

        var overflowWeight = goal == Goal.Cost ? problem.OverflowCost : free.Count + 1;
        var overflow = new List<IntVar>();
        long hintedOverflow = 0;
        hintedOverflow += AddCapacities(model, objective, gradeTerms, gradeCap, overflowWeight, overflow);
        hintedOverflow += AddCapacities(model, objective, totalTerms, totalCap, overflowWeight, overflow);
        if (goal == Goal.Cost && problem.UnderFillCost > 0)
        {
            AddFillTargets(model, objective, totalTerms, target, problem.UnderFillCost);
        }

        if (keepOverflow && overflow.Count > 0)
        {
            model.Add(LinearExpr.Sum(overflow) <= hintedOverflow);
        }

        model.Minimize(objective);
        // One worker: deterministic, and safe to stop. OR-Tools 9.15's interleaved portfolio answers a
        // stopped search with an empty solution and aborts the process in postsolve (SolverCancellationTests).
        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_deterministic_time:{deterministicSeconds}, num_workers:1, random_seed:7"),
        };
        var offset = (goal == Goal.Cost ? fixedCost : 0) + Constant(problem, goal, gradeTerms.Keys, totalTerms.Keys, gradeCap, totalCap, target);
        var divisor = goal == Goal.Cost ? 1 : overflowWeight;
        using var callback = new StopWhenGoodEnough(v => goodEnough(offset + Math.Floor(v / divisor)), cancellation);
        lap.Dispose();
        using var solving = PhaseClock.Start($"CP-SAT {goal} solve");
        using (cancellation.Register(callback.StopSearch))
        {
            var status = solver.Solve(model, callback);
            var choice = (int[])start.Clone();
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                for (var f = 0; f < free.Count; f++)
                {
                    choice[free[f]] = Array.FindIndex(vars[f], x => solver.BooleanValue(x));
                }
            }

            var bound = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? offset + Math.Floor(solver.BestObjectiveBound / divisor) : double.NegativeInfinity;
            return new Outcome(choice, status.ToString(), bound);
        }
    }

    /// <summary>What the units that are not free cost where no free unit can change it: overflow of slots and schools, under-fill.</summary>
    private static long Constant(
        AssignmentProblem problem, Goal goal, IEnumerable<int> modelledSlots, IEnumerable<int> modelledSchools, long[] gradeCap, long[] totalCap, long[] target)
    {
        var slots = new HashSet<int>(modelledSlots);
        var schools = new HashSet<int>(modelledSchools);
        long overflow = 0;
        long underFill = 0;
        for (var slot = 0; slot < gradeCap.Length; slot++)
        {
            overflow += slots.Contains(slot) ? 0 : Math.Max(0, -gradeCap[slot]);
        }

        for (var s = 0; s < totalCap.Length; s++)
        {
            overflow += schools.Contains(s) ? 0 : Math.Max(0, -totalCap[s]);
            underFill += schools.Contains(s) || problem.UnderFillCost == 0 ? 0 : Math.Max(0, target[s]);
        }

        return goal == Goal.Cost ? overflow * problem.OverflowCost + underFill * problem.UnderFillCost : overflow;
    }

    private static List<(BoolVar Var, long Pupils, bool Hinted)> Terms(Dictionary<int, List<(BoolVar Var, long Pupils, bool Hinted)>> terms, int key)
    {
        if (!terms.TryGetValue(key, out var list))
        {
            list = [];
            terms[key] = list;
        }

        return list;
    }

    /// <summary>load − over ≤ capacity, over ≥ 0 priced at <paramref name="weight"/>; skipped where the capacity cannot bind. Returns the hint's overflow.</summary>
    private static long AddCapacities(
        CpModel model, LinearExprBuilder objective, Dictionary<int, List<(BoolVar Var, long Pupils, bool Hinted)>> terms, long[] capacity, long weight, List<IntVar> overflow)
    {
        long hinted = 0;
        foreach (var (key, list) in terms)
        {
            var most = list.Sum(t => t.Pupils);
            if (most <= capacity[key])
            {
                continue;
            }

            var load = LinearExpr.NewBuilder(list.Count + 1);
            foreach (var (x, pupils, _) in list)
            {
                load.AddTerm(x, pupils);
            }

            var over = model.NewIntVar(0, most - Math.Min(0, capacity[key]), string.Empty);
            var hint = Math.Max(0, list.Where(t => t.Hinted).Sum(t => t.Pupils) - capacity[key]);
            model.AddHint(over, hint);
            hinted += hint;
            load.AddTerm(over, -1);
            model.Add(load <= capacity[key]);
            objective.AddTerm(over, weight);
            overflow.Add(over);
        }

        return hinted;
    }

    /// <summary>load + under ≥ target, under ≥ 0 priced at the under-fill cost.</summary>
    private static void AddFillTargets(
        CpModel model, LinearExprBuilder objective, Dictionary<int, List<(BoolVar Var, long Pupils, bool Hinted)>> terms, long[] target, long underFillCost)
    {
        foreach (var (school, list) in terms)
        {
            if (target[school] <= 0)
            {
                continue;
            }

            var load = LinearExpr.NewBuilder(list.Count + 1);
            foreach (var (x, pupils, _) in list)
            {
                load.AddTerm(x, pupils);
            }

            var under = model.NewIntVar(0, target[school], string.Empty);
            model.AddHint(under, Math.Max(0, target[school] - list.Where(t => t.Hinted).Sum(t => t.Pupils)));
            load.AddTerm(under, 1);
            model.Add(load >= target[school]);
            objective.AddTerm(under, underFillCost);
        }
    }

    private sealed class StopWhenGoodEnough(Func<double, bool> goodEnough, CancellationToken cancellation) : SolutionCallback
    {
        public override void OnSolutionCallback()
        {
            if (cancellation.IsCancellationRequested || goodEnough(ObjectiveValue()))
            {
                StopSearch();
            }
        }
    }
}
