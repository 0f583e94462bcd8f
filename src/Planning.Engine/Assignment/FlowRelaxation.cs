using Google.OrTools.Graph;

namespace Planning.Engine.Assignment;

/// <summary>
/// The split relaxation as a min-cost flow: every (area, grade, origin) item may be shared among
/// its candidate schools. Network: item → (school, grade) → school → sink, where the (school,
/// grade) and school arcs carry the free seats at cost 0 and a parallel uncapacitated arc carries
/// overflow at the overflow cost. Its optimum is a lower bound for the whole-area problem, and with
/// integral supplies the flow is integral, so it is also the answer when splitting is allowed.
/// </summary>
internal static class FlowRelaxation
{
    /// <summary>Flows per unit, item and candidate, and the optimal cost.</summary>
    public sealed record Result(long Cost, long[][][] Flows);

    public static Result Solve(AssignmentProblem problem)
    {
        var units = problem.Units;
        long total = units.Sum(u => (long)u.Pupils);
        using var flow = new MinCostFlow();
        var gradeNodes = new Dictionary<int, int>();
        var schoolNodes = new Dictionary<int, int>();
        var next = 1;
        const int sink = 0;
        var arcs = new int[units.Count][][];

        int SchoolNode(int school)
        {
            if (!schoolNodes.TryGetValue(school, out var node))
            {
                node = next++;
                schoolNodes[school] = node;
                flow.AddArcWithCapacityAndUnitCost(node, sink, Math.Max(0, problem.TotalCapacity[school]), 0);
                flow.AddArcWithCapacityAndUnitCost(node, sink, total, problem.OverflowCost);
            }

            return node;
        }

        int GradeNode(int school, int grade)
        {
            var slot = AssignmentProblem.Slot(school, grade);
            if (!gradeNodes.TryGetValue(slot, out var node))
            {
                node = next++;
                gradeNodes[slot] = node;
                var schoolNode = SchoolNode(school);
                flow.AddArcWithCapacityAndUnitCost(node, schoolNode, Math.Max(0, problem.GradeCapacity[slot]), 0);
                flow.AddArcWithCapacityAndUnitCost(node, schoolNode, total, problem.OverflowCost);
            }

            return node;
        }

        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            arcs[u] = new int[unit.Items.Count][];
            for (var i = 0; i < unit.Items.Count; i++)
            {
                var item = unit.Items[i];
                var node = next++;
                flow.SetNodeSupply(node, item.Count);
                if (unit.Candidates.Count == 0)
                {
                    arcs[u][i] = [flow.AddArcWithCapacityAndUnitCost(node, sink, item.Count, problem.OverflowCost)];
                    continue;
                }

                arcs[u][i] = new int[unit.Candidates.Count];
                for (var c = 0; c < unit.Candidates.Count; c++)
                {
                    var candidate = unit.Candidates[c];
                    arcs[u][i][c] = flow.AddArcWithCapacityAndUnitCost(
                        node, GradeNode(candidate.School, item.Grade), item.Count, problem.PupilCost(item, candidate));
                }
            }
        }

        flow.SetNodeSupply(sink, -total);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"min-cost flow failed: {status}");
        }

        var flows = new long[units.Count][][];
        for (var u = 0; u < units.Count; u++)
        {
            flows[u] = arcs[u].Select(itemArcs => itemArcs.Select(flow.Flow).ToArray()).ToArray();
        }

        return new Result(flow.OptimalCost(), flows);
    }
}
