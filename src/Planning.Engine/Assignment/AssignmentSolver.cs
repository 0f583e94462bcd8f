using System.Diagnostics;
using Planning.Engine.Inputs;
using Planning.Engine.Results;

namespace Planning.Engine.Assignment;

/// <summary>
/// Solves one term's placement: splits it into independent parts (<see cref="Components"/>), solves
/// them side by side (the split flow when splitting is allowed, <see cref="WholeAreaSolver"/>
/// otherwise) and merges them in a fixed order, so the answer does not depend on the threads.
/// </summary>
internal static class AssignmentSolver
{
    private static readonly string[] KindOrder = ["exact", "whole-area LP", "split flow"];
    private static readonly string[] MethodOrder = ["rounded", "local-search", "cp-sat", "mip"];

    public static AssignmentSolution Solve(AssignmentProblem problem, bool allowSplitting, SolverOptions options, CancellationToken cancellation)
    {
        if (problem.Units.Count == 0)
        {
            return new AssignmentSolution([], SolveStats.Nothing);
        }

        var clock = Stopwatch.StartNew();
        var lap = PhaseClock.Start("split into parts");
        var parts = Components.Split(problem);
        lap.Dispose();
        var solved = new PartResult[parts.Count];
        var order = Enumerable.Range(0, parts.Count).OrderByDescending(p => parts[p].Units.Length).ToArray();
        Parallel.For(
            0,
            order.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellation },
            i => solved[order[i]] = SolvePart(parts[order[i]], allowSplitting, options, cancellation));

        lap = PhaseClock.Start("result assembly");
        var perUnit = new IReadOnlyList<Allocation>[problem.Units.Count];
        for (var u = 0; u < perUnit.Length; u++)
        {
            // Units without candidates belong to no part: nobody can take them.
            perUnit[u] = problem.Units[u].Items.Select((item, i) => new Allocation(i, -1, item.Count)).ToArray();
        }

        for (var p = 0; p < parts.Count; p++)
        {
            for (var i = 0; i < parts[p].Units.Length; i++)
            {
                perUnit[parts[p].Units[i]] = solved[p].Allocations[i];
            }
        }

        var results = solved.Select(r => r.Stats).ToArray();
        var breakdown = ObjectiveParts.Of(problem, perUnit);
        var objective = breakdown.Total;

        // What no part can change: pupils without candidates, and the targets of schools no unit can reach.
        var constant = objective - results.Sum(r => r.Objective);
        var bound = constant + results.Sum(r => r.Bound);
        var gap = objective > 0 ? (double)(objective - bound) / objective : 0;
        var stats = new SolveStats(
            allowSplitting ? "relaxation" : results.Select(r => r.Method).DefaultIfEmpty("rounded").MaxBy(m => Array.IndexOf(MethodOrder, m))!,
            objective,
            bound,
            gap,
            clock.Elapsed.TotalSeconds,
            problem.Units.Count,
            results.Sum(r => r.ReDecided),
            CpSatStatus(results))
        {
            BoundKind = results.Select(r => r.BoundKind).DefaultIfEmpty("exact").MaxBy(k => Array.IndexOf(KindOrder, k))!,
            BoundMethod = string.Join("; ", results.Select(r => r.BoundMethod).Distinct()),
            BoundSeconds = results.Sum(r => r.BoundSeconds),
            SplitFlowBound = constant + results.Sum(r => r.SplitFlowBound),
            Breakdown = breakdown,
            OverflowPupils = breakdown.All.OverflowPupils,
            MinimumOverflowBound = problem.PupilsWithoutCandidates() + results.Sum(r => r.MinimumOverflow),
            Components = parts.Count,
        };
        var solution = new AssignmentSolution(perUnit, stats);
        lap.Dispose();
        options.Observer?.Invoke(problem, solution);
        return solution;
    }

    private static PartResult SolvePart(Components.Part part, bool allowSplitting, SolverOptions options, CancellationToken cancellation)
    {
        var problem = part.Problem;
        if (allowSplitting)
        {
            var clock = Stopwatch.StartNew();
            var relaxation = FlowRelaxation.Solve(problem);
            var flowSeconds = clock.Elapsed.TotalSeconds;
            var allocations = SplitAllocations(part, relaxation);
            var overflow = ObjectiveParts.Of(problem, Local(part, allocations)).All.OverflowPupils;
            var least = overflow > 0 ? FlowRelaxation.Least(problem, relaxation.MostSeated ?? FlowRelaxation.MostSeated(problem)) : 0;
            return new PartResult(allocations, new PartStats(relaxation.Cost, relaxation.Cost, "exact", "OR-Tools min-cost flow", relaxation.Cost, flowSeconds, least, "relaxation", 0, null));
        }

        var whole = WholeAreaSolver.Solve(problem, options, cancellation);
        using var lap = PhaseClock.Start("result assembly");
        var perUnit = new IReadOnlyList<Allocation>[part.Units.Length];
        for (var i = 0; i < perUnit.Length; i++)
        {
            var school = part.Schools[problem.Units[i].Candidates[whole.Choice[i]].School];
            perUnit[i] = problem.Units[i].Items.Select((item, j) => new Allocation(j, school, item.Count)).ToArray();
        }

        return new PartResult(perUnit, whole.Stats);
    }

    private static IReadOnlyList<Allocation>[] SplitAllocations(Components.Part part, FlowRelaxation.Result relaxation)
    {
        var units = part.Problem.Units;
        var result = new IReadOnlyList<Allocation>[units.Count];
        for (var u = 0; u < result.Length; u++)
        {
            var unit = units[u];
            var list = new List<Allocation>();
            for (var i = 0; i < unit.Items.Count; i++)
            {
                for (var c = 0; c < unit.Candidates.Count; c++)
                {
                    var flow = relaxation.Flows[relaxation.ItemFirst[u] + i * unit.Candidates.Count + c];
                    if (flow > 0)
                    {
                        list.Add(new Allocation(i, part.Schools[unit.Candidates[c].School], (int)flow));
                    }
                }
            }

            result[u] = list;
        }

        return result;
    }

    /// <summary>Allocations with the part's own school numbers.</summary>
    private static IReadOnlyList<Allocation>[] Local(Components.Part part, IReadOnlyList<Allocation>[] allocations)
    {
        var local = new Dictionary<int, int>();
        for (var i = 0; i < part.Schools.Length; i++)
        {
            local[part.Schools[i]] = i;
        }

        return allocations.Select(list => (IReadOnlyList<Allocation>)list.Select(a => a with { School = local[a.School] }).ToArray()).ToArray();
    }

    private static string? CpSatStatus(PartStats[] results)
    {
        var statuses = results.Select(r => r.CpSatStatus).OfType<string>().ToList();
        return statuses.Count == 0 ? null : statuses.FirstOrDefault(s => s != "Optimal") ?? "Optimal";
    }

    private sealed record PartResult(IReadOnlyList<Allocation>[] Allocations, PartStats Stats);
}
