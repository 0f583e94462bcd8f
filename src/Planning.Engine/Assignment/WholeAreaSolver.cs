using System.Globalization;
using Google.OrTools.Sat;
using Planning.Engine.Inputs;

namespace Planning.Engine.Assignment;

/// <summary>
/// Whole areas from the split relaxation. When the relaxation, rounded to each area's main school,
/// is already within the gap of its own bound, it is the answer. Otherwise a local search improves
/// the rounding, and CP-SAT re-decides the areas, hinted with that result: all of them when they
/// are at most <see cref="SolverOptions.MaxFreeAreas"/>; on larger instances only the neighbourhood
/// of overfull schools and split areas (where whole areas lose against the relaxation), while the
/// others keep their school and their seats are taken out of the capacities.
/// </summary>
internal static class WholeAreaSolver
{
    public sealed record Result(string Method, int[] Choice, long Objective, int ReDecided, string? CpSatStatus);

    public static Result Solve(AssignmentProblem problem, FlowRelaxation.Result relaxation, long lowerBound, SolverOptions options, CancellationToken cancellation)
    {
        var rounded = Round(problem, relaxation);
        var roundedCost = WholeAreaCost.Evaluate(problem, rounded);
        if (roundedCost - lowerBound <= options.RelativeGap * roundedCost)
        {
            return new Result("rounded", rounded, roundedCost, 0, null);
        }

        // The search stops after a fixed number of passes, so runs repeat; the deadline only guards against huge instances.
        rounded = LocalSearch.Improve(problem, rounded, TimeSpan.FromSeconds(Math.Max(10, 10 * options.TimeLimitSeconds)), cancellation);
        roundedCost = WholeAreaCost.Evaluate(problem, rounded);
        if (roundedCost - lowerBound <= options.RelativeGap * roundedCost)
        {
            return new Result("local-search", rounded, roundedCost, 0, null);
        }

        var free = FreeUnits(problem, relaxation, rounded, options.MaxFreeAreas);
        if (free.Count == 0)
        {
            return new Result("local-search", rounded, roundedCost, 0, null);
        }

        var (choice, status) = SolveFree(problem, rounded, free, lowerBound, options, cancellation);
        var cost = WholeAreaCost.Evaluate(problem, choice);
        return cost <= roundedCost
            ? new Result("cp-sat", choice, cost, free.Count, status)
            : new Result("cp-sat", rounded, roundedCost, free.Count, status);
    }

    /// <summary>Each unit to the candidate that got most of its pupils in the relaxation.</summary>
    private static int[] Round(AssignmentProblem problem, FlowRelaxation.Result relaxation)
    {
        var choice = new int[problem.Units.Count];
        for (var u = 0; u < choice.Length; u++)
        {
            var candidates = problem.Units[u].Candidates.Count;
            if (candidates == 0)
            {
                choice[u] = -1;
                continue;
            }

            var best = 0;
            long bestFlow = -1;
            for (var c = 0; c < candidates; c++)
            {
                var sum = relaxation.Flows[u].Sum(itemFlows => itemFlows[c]);
                if (sum > bestFlow)
                {
                    (best, bestFlow) = (c, sum);
                }
            }

            choice[u] = best;
        }

        return choice;
    }

    /// <summary>
    /// Every unit when they are few enough; otherwise the neighbourhood where whole areas cost more
    /// than the relaxation: areas the relaxation split, areas at schools that overflow, and areas at
    /// the schools those could move to (which could make room), in that order, up to the limit.
    /// </summary>
    private static List<int> FreeUnits(AssignmentProblem problem, FlowRelaxation.Result relaxation, int[] choice, int limit)
    {
        if (problem.Units.Count <= limit)
        {
            return Enumerable.Range(0, problem.Units.Count).Where(u => problem.Units[u].Candidates.Count > 0).ToList();
        }

        var gradeLoad = new long[problem.GradeCapacity.Length];
        var totalLoad = new long[problem.SchoolCount];
        var unitsAt = new List<int>[problem.SchoolCount];
        var split = new List<int>();
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            if (choice[u] < 0)
            {
                continue;
            }

            var school = unit.Candidates[choice[u]].School;
            (unitsAt[school] ??= []).Add(u);
            totalLoad[school] += unit.Pupils;
            foreach (var item in unit.Items)
            {
                gradeLoad[AssignmentProblem.Slot(school, item.Grade)] += item.Count;
            }

            if (Enumerable.Range(0, unit.Candidates.Count).Count(c => relaxation.Flows[u].Any(f => f[c] > 0)) > 1)
            {
                split.Add(u);
            }
        }

        var overflowing = Enumerable.Range(0, problem.SchoolCount)
            .Where(s => totalLoad[s] > problem.TotalCapacity[s]
                || Enumerable.Range(1, 9).Any(g => gradeLoad[AssignmentProblem.Slot(s, g)] > problem.GradeCapacity[AssignmentProblem.Slot(s, g)]))
            .ToList();
        var crowded = overflowing.SelectMany(s => unitsAt[s] ?? []).ToList();
        var neighbours = crowded
            .SelectMany(u => problem.Units[u].Candidates.Select(c => c.School))
            .Distinct()
            .SelectMany(s => unitsAt[s] ?? []);
        return crowded.Concat(split).Concat(neighbours).Distinct().Take(limit).ToList();
    }

    private static (int[] Choice, string Status) SolveFree(
        AssignmentProblem problem, int[] rounded, List<int> free, long lowerBound, SolverOptions options, CancellationToken cancellation)
    {
        var isFree = new bool[problem.Units.Count];
        free.ForEach(u => isFree[u] = true);

        // Seats left once the units that keep the relaxation's school are placed.
        var gradeCap = (long[])problem.GradeCapacity.Clone();
        var totalCap = (long[])problem.TotalCapacity.Clone();
        long fixedCost = 0;
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            if (isFree[u])
            {
                continue;
            }

            if (rounded[u] < 0)
            {
                fixedCost += unit.Pupils * problem.OverflowCost;
                continue;
            }

            var candidate = unit.Candidates[rounded[u]];
            fixedCost += problem.UnitCost(unit, candidate);
            foreach (var item in unit.Items)
            {
                gradeCap[AssignmentProblem.Slot(candidate.School, item.Grade)] -= item.Count;
                totalCap[candidate.School] -= item.Count;
            }
        }

        var model = new CpModel();
        var hinted = new HashSet<BoolVar>();
        var objective = LinearExpr.NewBuilder(free.Count * 8);
        var vars = new BoolVar[free.Count][];
        var gradeTerms = new Dictionary<int, List<(BoolVar Var, long Pupils)>>();
        var totalTerms = new Dictionary<int, List<(BoolVar Var, long Pupils)>>();
        for (var f = 0; f < free.Count; f++)
        {
            var unit = problem.Units[free[f]];
            vars[f] = new BoolVar[unit.Candidates.Count];
            for (var c = 0; c < unit.Candidates.Count; c++)
            {
                var x = model.NewBoolVar(string.Empty);
                vars[f][c] = x;
                var candidate = unit.Candidates[c];
                objective.AddTerm(x, problem.UnitCost(unit, candidate));
                model.AddHint(x, c == rounded[free[f]]);
                if (c == rounded[free[f]])
                {
                    hinted.Add(x);
                }
                foreach (var group in unit.Items.GroupBy(i => i.Grade))
                {
                    Terms(gradeTerms, AssignmentProblem.Slot(candidate.School, group.Key)).Add((x, group.Sum(i => (long)i.Count)));
                }

                Terms(totalTerms, candidate.School).Add((x, unit.Pupils));
            }

            model.AddExactlyOne(vars[f]);
        }

        AddCapacities(model, objective, gradeTerms, gradeCap, problem.OverflowCost, hinted);
        AddCapacities(model, objective, totalTerms, totalCap, problem.OverflowCost, hinted);
        model.Minimize(objective);

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_deterministic_time:{options.TimeLimitSeconds}, max_time_in_seconds:{10 * options.TimeLimitSeconds}, num_workers:{options.Workers}, random_seed:7, relative_gap_limit:{options.RelativeGap}"),
        };
        using var callback = new StopNearBound(fixedCost, lowerBound, options.RelativeGap, cancellation);
        using (cancellation.Register(callback.StopSearch))
        {
            var status = solver.Solve(model, callback);
            var choice = (int[])rounded.Clone();
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                for (var f = 0; f < free.Count; f++)
                {
                    choice[free[f]] = Array.FindIndex(vars[f], x => solver.BooleanValue(x));
                }
            }

            return (choice, status.ToString());
        }
    }

    private static List<(BoolVar Var, long Pupils)> Terms(Dictionary<int, List<(BoolVar Var, long Pupils)>> terms, int key)
    {
        if (!terms.TryGetValue(key, out var list))
        {
            list = [];
            terms[key] = list;
        }

        return list;
    }

    /// <summary>load − over ≤ capacity, over ≥ 0 paid at the overflow cost; skipped where the capacity cannot bind.</summary>
    private static void AddCapacities(
        CpModel model, LinearExprBuilder objective, Dictionary<int, List<(BoolVar Var, long Pupils)>> terms, long[] capacity, long overflowCost, HashSet<BoolVar> hinted)
    {
        foreach (var (key, list) in terms)
        {
            var most = list.Sum(t => t.Pupils);
            if (most <= capacity[key])
            {
                continue;
            }

            var load = LinearExpr.NewBuilder(list.Count);
            foreach (var (x, pupils) in list)
            {
                load.AddTerm(x, pupils);
            }

            var over = model.NewIntVar(0, most - Math.Min(0, capacity[key]), string.Empty);
            model.AddHint(over, Math.Max(0, list.Where(t => hinted.Contains(t.Var)).Sum(t => t.Pupils) - capacity[key]));
            load.AddTerm(over, -1);
            model.Add(load <= capacity[key]);
            objective.AddTerm(over, overflowCost);
        }
    }

    /// <summary>Stops CP-SAT once it is within the relative gap of the relaxation's bound, or when cancelled.</summary>
    private sealed class StopNearBound(long fixedCost, long lowerBound, double relativeGap, CancellationToken cancellation) : SolutionCallback
    {
        public override void OnSolutionCallback()
        {
            var objective = fixedCost + ObjectiveValue();
            if (cancellation.IsCancellationRequested || objective - lowerBound <= relativeGap * objective)
            {
                StopSearch();
            }
        }
    }
}
