using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>
/// A term's plan with contiguous catchments where the data allows. The solver's answer is repaired
/// (<see cref="ContiguityRepair"/>); while enclaves remain, the solver runs again with each remaining
/// enclave's school struck from its areas' candidates, and the new answer is repaired in turn (at most
/// <see cref="Rounds"/> times). The plan kept is the one with the fewest enclaves, then the lowest cost,
/// among those with no more pupils over a limit than the solver's first answer. Its objective is
/// measured against the first solve's proven bound: a bound without contiguity holds with it, while the
/// struck candidates are a heuristic whose own bounds prove nothing about contiguous plans.
/// </summary>
internal static class ContiguousSolve
{
    public const int Rounds = 3;

    public sealed record Context(
        District District, AreaGraph Graph, ConstraintState Constraints, Term Term, AssignmentProblem Problem, SolverOptions Options, CancellationToken Cancellation);

    private sealed record Plan(int[] Choice, int[][] Schools, Dictionary<(string, SchoolPart, string), string> Reasons, long Cost, long Overflow);

    /// <summary>The repaired solution and why each remaining enclave remains; <paramref name="plan"/> is updated to the plan kept.</summary>
    public static (AssignmentSolution Solution, IReadOnlyDictionary<(string, SchoolPart, string), string> Reasons) Run(
        Context context, AssignmentSolution solution, List<(int School, double Share)>[][] plan)
    {
        var problem = context.Problem;
        var first = Repair(context, SchoolsOf(solution), plan);
        var best = first;
        var struck = new HashSet<(int Unit, int School)>();
        for (var round = 0; round < Rounds && best.Reasons.Count > 0; round++)
        {
            if (!Strike(context, best, struck))
            {
                break;
            }

            var restricted = Restricted(problem, struck);
            var answer = AssignmentSolver.Solve(restricted, allowSplitting: false, context.Options, context.Cancellation);
            var next = Repair(context, SchoolsOf(answer), plan);
            if (next.Overflow <= first.Overflow
                && (next.Reasons.Count < best.Reasons.Count || (next.Reasons.Count == best.Reasons.Count && next.Cost < best.Cost)))
            {
                best = next;
            }
        }

        for (var a = 0; a < context.District.RealAreaCount; a++)
        {
            foreach (var part in SchoolParts.All)
            {
                var school = best.Schools[(int)part][a];
                if (school >= 0 && (plan[a][(int)part] is not [var was, ..] || was.School != school || plan[a][(int)part].Count > 1))
                {
                    plan[a][(int)part] = [(school, 1.0)];
                }
            }
        }

        var perUnit = problem.Units.Select((unit, u) => (IReadOnlyList<Allocation>)[.. unit.Items.Select((item, i) =>
            new Allocation(i, best.Choice[u] < 0 ? -1 : unit.Candidates[best.Choice[u]].School, item.Count))]).ToList();
        var stats = solution.Stats;
        if (best.Cost != (long)Math.Round(stats.Objective))
        {
            var breakdown = ObjectiveParts.Of(problem, perUnit);
            stats = stats with
            {
                Method = stats.Method + "+contiguity",
                Objective = best.Cost,
                Gap = best.Cost > 0 ? (best.Cost - stats.LowerBound) / best.Cost : 0,
                Breakdown = breakdown,
                OverflowPupils = breakdown.All.OverflowPupils,
            };
        }

        return (new AssignmentSolution(perUnit, stats), best.Reasons);
    }

    /// <summary>The school of each unit in a solution (−1 for none).</summary>
    private static int[] SchoolsOf(AssignmentSolution solution) =>
        [.. solution.PerUnit.Select(a => a.Select(x => x.School).DefaultIfEmpty(-1).First())];

    /// <summary>Repairs both levels from the units' schools and, for areas placing nobody, the proposed catchments.</summary>
    private static Plan Repair(Context context, int[] unitSchools, List<(int School, double Share)>[][] proposal)
    {
        var (district, problem) = (context.District, context.Problem);
        var choice = new int[problem.Units.Count];
        for (var u = 0; u < choice.Length; u++)
        {
            choice[u] = problem.Units[u].Candidates.ToList().FindIndex(c => c.School == unitSchools[u]);
        }

        var schools = new int[2][];
        var reasons = new Dictionary<(string, SchoolPart, string), string>();
        foreach (var part in SchoolParts.All)
        {
            var school = Enumerable.Range(0, district.RealAreaCount).Select(a => proposal[a][(int)part] is [var top, ..] ? top.School : -1).ToArray();
            for (var u = 0; u < choice.Length; u++)
            {
                if (problem.Units[u].Part == part && problem.Units[u].Area < school.Length && choice[u] >= 0)
                {
                    school[problem.Units[u].Area] = problem.Units[u].Candidates[choice[u]].School;
                }
            }

            foreach (var (key, reason) in ContiguityRepair.Run(
                district, context.Graph, context.Term, part, problem, choice, school,
                a => context.Constraints.Holder(a, part), (s, a) => context.Constraints.LockedAgainst(s, part, a)))
            {
                reasons[key] = reason;
            }

            schools[(int)part] = school;
        }

        var (cost, overflow) = WholeAreaCost.Measure(problem, choice);
        return new Plan(choice, schools, reasons, cost, overflow);
    }

    /// <summary>Strikes each remaining enclave's school from its units' candidates where they have another; false when nothing new was struck.</summary>
    private static bool Strike(Context context, Plan plan, HashSet<(int Unit, int School)> struck)
    {
        var (district, problem) = (context.District, context.Problem);
        var unitOf = new Dictionary<(int Area, SchoolPart Part), int>();
        for (var u = 0; u < problem.Units.Count; u++)
        {
            unitOf[(problem.Units[u].Area, problem.Units[u].Part)] = u;
        }

        var codes = Enumerable.Range(0, district.RealAreaCount).ToDictionary(a => district.Areas[a].Code!, StringComparer.Ordinal);
        var added = false;
        foreach (var (school, part, firstArea) in plan.Reasons.Keys)
        {
            var s = district.SchoolIndex[school];
            var schools = plan.Schools[(int)part];
            var (_, enclaves) = Contiguity.Pieces(context.Graph, [.. Enumerable.Range(0, schools.Length).Where(a => schools[a] == s)], context.Graph.SiteOf(s));
            foreach (var area in enclaves.FirstOrDefault(e => e[0] == codes[firstArea]) ?? [])
            {
                if (unitOf.TryGetValue((area, part), out var u) && problem.Units[u].Candidates.Count(c => !struck.Contains((u, c.School))) > 1
                    && context.Constraints.Holder(area, part) is null)
                {
                    added |= struck.Add((u, s));
                }
            }
        }

        return added;
    }

    /// <summary>The problem with the struck candidates removed (same capacities, fill targets and costs).</summary>
    private static AssignmentProblem Restricted(AssignmentProblem problem, HashSet<(int Unit, int School)> struck)
    {
        var units = problem.Units.Select((unit, u) => unit with { Candidates = [.. unit.Candidates.Where(c => !struck.Contains((u, c.School)))] }).ToList();
        return problem.With(units, problem.MoveCost, problem.ChangeCost, problem.OverflowCost, problem.UnderFillCost);
    }
}
