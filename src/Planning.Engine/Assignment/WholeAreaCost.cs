namespace Planning.Engine.Assignment;

/// <summary>The exact cost of a whole-area assignment: travel, moves, changes and overflow.</summary>
internal static class WholeAreaCost
{
    /// <param name="problem">The problem.</param>
    /// <param name="choice">Candidate index per unit, −1 for a unit without candidates.</param>
    public static long Evaluate(AssignmentProblem problem, IReadOnlyList<int> choice)
    {
        var gradeLoad = new long[problem.GradeCapacity.Length];
        var totalLoad = new long[problem.SchoolCount];
        long cost = 0;
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            if (choice[u] < 0)
            {
                cost += unit.Pupils * problem.OverflowCost;
                continue;
            }

            var candidate = unit.Candidates[choice[u]];
            cost += problem.UnitCost(unit, candidate);
            foreach (var item in unit.Items)
            {
                gradeLoad[AssignmentProblem.Slot(candidate.School, item.Grade)] += item.Count;
                totalLoad[candidate.School] += item.Count;
            }
        }

        for (var slot = 0; slot < gradeLoad.Length; slot++)
        {
            cost += Math.Max(0, gradeLoad[slot] - problem.GradeCapacity[slot]) * problem.OverflowCost;
        }

        for (var s = 0; s < totalLoad.Length; s++)
        {
            cost += Math.Max(0, totalLoad[s] - problem.TotalCapacity[s]) * problem.OverflowCost;
        }

        return cost;
    }
}
