using System.Diagnostics;
using Planning.Engine.Inputs;
using Planning.Engine.Results;

namespace Planning.Engine.Assignment;

/// <summary>Solves one term's placement: the split relaxation always, whole areas unless splitting is allowed.</summary>
internal static class AssignmentSolver
{
    public static AssignmentSolution Solve(AssignmentProblem problem, bool allowSplitting, SolverOptions options, CancellationToken cancellation)
    {
        if (problem.Units.Count == 0)
        {
            return new AssignmentSolution([], SolveStats.Nothing);
        }

        var clock = Stopwatch.StartNew();
        var relaxation = FlowRelaxation.Solve(problem);
        var bound = relaxation.Cost;
        if (allowSplitting)
        {
            return new AssignmentSolution(
                SplitAllocations(problem, relaxation),
                new SolveStats("relaxation", bound, bound, 0, clock.Elapsed.TotalSeconds, problem.Units.Count, 0, null));
        }

        var whole = WholeAreaSolver.Solve(problem, relaxation, bound, options, cancellation);
        var gap = whole.Objective > 0 ? (double)(whole.Objective - bound) / whole.Objective : 0;
        var stats = new SolveStats(
            whole.Method,
            whole.Objective,
            bound,
            gap,
            clock.Elapsed.TotalSeconds,
            problem.Units.Count,
            whole.ReDecided,
            whole.CpSatStatus);
        return new AssignmentSolution(WholeAllocations(problem, whole.Choice), stats);
    }

    private static IReadOnlyList<Allocation>[] SplitAllocations(AssignmentProblem problem, FlowRelaxation.Result relaxation)
    {
        var result = new IReadOnlyList<Allocation>[problem.Units.Count];
        for (var u = 0; u < result.Length; u++)
        {
            var unit = problem.Units[u];
            var list = new List<Allocation>();
            for (var i = 0; i < unit.Items.Count; i++)
            {
                if (unit.Candidates.Count == 0)
                {
                    list.Add(new Allocation(i, -1, unit.Items[i].Count));
                    continue;
                }

                for (var c = 0; c < unit.Candidates.Count; c++)
                {
                    var flow = relaxation.Flows[u][i][c];
                    if (flow > 0)
                    {
                        list.Add(new Allocation(i, unit.Candidates[c].School, (int)flow));
                    }
                }
            }

            result[u] = list;
        }

        return result;
    }

    private static IReadOnlyList<Allocation>[] WholeAllocations(AssignmentProblem problem, int[] choice)
    {
        var result = new IReadOnlyList<Allocation>[problem.Units.Count];
        for (var u = 0; u < result.Length; u++)
        {
            var unit = problem.Units[u];
            var school = choice[u] < 0 ? -1 : unit.Candidates[choice[u]].School;
            result[u] = unit.Items.Select((item, i) => new Allocation(i, school, item.Count)).ToArray();
        }

        return result;
    }
}
