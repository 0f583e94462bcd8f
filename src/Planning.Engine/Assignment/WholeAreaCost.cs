namespace Planning.Engine.Assignment;

/// <summary>The exact cost of a whole-area assignment (the objective of <see cref="AssignmentProblem"/>) and its overflow.</summary>
internal static class WholeAreaCost
{
    /// <param name="problem">The problem.</param>
    /// <param name="choice">Candidate index per unit, −1 for a unit without candidates.</param>
    public static long Evaluate(AssignmentProblem problem, IReadOnlyList<int> choice) => Measure(problem, choice).Cost;

    /// <summary>Pupils over a capacity (a pupil over both its grade's and its school's counts twice, as in the cost) plus pupils without a school.</summary>
    public static long Overflow(AssignmentProblem problem, IReadOnlyList<int> choice) => Measure(problem, choice).Overflow;

    public static (long Cost, long Overflow) Measure(AssignmentProblem problem, IReadOnlyList<int> choice)
    {
        var gradeLoad = new long[problem.GradeCapacity.Length];
        var totalLoad = new long[problem.SchoolCount];
        long cost = 0;
        long overflow = 0;
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            if (choice[u] < 0)
            {
                overflow += unit.Pupils;
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
            overflow += AssignmentProblem.Over(gradeLoad[slot], problem.GradeCapacity[slot]);
        }

        for (var s = 0; s < totalLoad.Length; s++)
        {
            overflow += AssignmentProblem.Over(totalLoad[s], problem.TotalCapacity[s]);
            cost += problem.UnderFill(s, totalLoad[s]) * problem.UnderFillCost;
        }

        return (cost + overflow * problem.OverflowCost, overflow);
    }
}
