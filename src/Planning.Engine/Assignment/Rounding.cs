namespace Planning.Engine.Assignment;

/// <summary>
/// A relaxation's answer made whole, the local search's start: each unit to one of its candidates.
/// The whole-area LP's shares go to each unit's largest (<see cref="Largest"/>). The split flow's
/// keep room (<see cref="WithRoom"/>): the units are taken by their largest share, largest first
/// (whole units first; equal shares by index). Each goes to the first of the candidates the flow
/// used, most used first, with room left for all its pupils in every grade and under the school's
/// size; when none has, to whichever of all its candidates it overfills least, then the cheapest.
/// </summary>
/// <remarks>
/// Rounding each unit to its main candidate whatever the room left (until 2026-12-05) started the
/// local search at 1.4-10 × the least overflow at 100k, where the flow splits areas between the
/// school their pupils are at and one with room for their intake; with room kept, at 1.1-2.2 ×.
/// The first term then ended at a 0.41 % gap against 0.63 %, and the horizon's local search took
/// 96 CPU s against 116. Room kept in the LP's rounding as well made the 10k case slower (197 s
/// against 134 the same day) and left 3 pupils over the proven least: not done (BENCHMARKS.md).
/// </remarks>
internal static class Rounding
{
    private const double Used = 1e-9;

    /// <summary>Each unit to the candidate with the largest share (the first of equals); the units the relaxation split.</summary>
    public static (int[] Choice, List<int> Split) Largest(CandidateTable table, double[] shares)
    {
        var choice = new int[table.Units];
        var split = new List<int>();
        for (var u = 0; u < table.Units; u++)
        {
            var best = 0;
            for (var c = 1; c < table.Count(u); c++)
            {
                best = shares[table.First[u] + c] > shares[table.First[u] + best] + Used ? c : best;
            }

            choice[u] = best;
            if (shares[table.First[u] + best] < 1 - 1e-6)
            {
                split.Add(u);
            }
        }

        return (choice, split);
    }

    /// <summary>The choice per unit, placed with room kept (see the class); the units the relaxation split (more than one candidate used).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="shares">Share of each unit at each of its candidates, indexed as the table's candidates, summing to 1 per unit.</param>
    public static (int[] Choice, List<int> Split) WithRoom(AssignmentProblem problem, CandidateTable table, double[] shares)
    {
        var largest = new double[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                largest[u] = Math.Max(largest[u], shares[k]);
            }
        }

        var order = Enumerable.Range(0, table.Units).OrderByDescending(u => largest[u]).ThenBy(u => u);
        var gradeLoad = new long[problem.GradeCapacity.Length];
        var schoolLoad = new long[problem.SchoolCount];
        var choice = new int[table.Units];
        foreach (var u in order)
        {
            choice[u] = table.Count(u) == 0 ? -1 : Pick(problem, table, shares, u, gradeLoad, schoolLoad);
            if (choice[u] >= 0)
            {
                table.AddLoad(u, table.First[u] + choice[u], gradeLoad, schoolLoad);
            }
        }

        var split = Enumerable.Range(0, table.Units)
            .Where(u => Enumerable.Range(table.First[u], table.Count(u)).Count(k => shares[k] > Used) > 1)
            .ToList();
        return (choice, split);
    }

    /// <summary>The split flow's share of each unit at each candidate, indexed as the table's candidates.</summary>
    public static double[] FlowShares(AssignmentProblem problem, CandidateTable table, FlowRelaxation.Result relaxation)
    {
        var shares = new double[table.School.Length];
        for (var u = 0; u < table.Units; u++)
        {
            var unit = problem.Units[u];
            for (var c = 0; c < unit.Candidates.Count; c++)
            {
                shares[table.First[u] + c] = (double)relaxation.UnitFlow(unit, u, c) / Math.Max(1, table.Pupils[u]);
            }
        }

        return shares;
    }

    private static int Pick(AssignmentProblem problem, CandidateTable table, double[] shares, int u, long[] gradeLoad, long[] schoolLoad)
    {
        var first = table.First[u];
        var count = table.Count(u);
        long Added(int c)
        {
            var s = table.School[first + c];
            var added = AssignmentProblem.Over(schoolLoad[s] + table.Pupils[u], problem.TotalCapacity[s])
                - AssignmentProblem.Over(schoolLoad[s], problem.TotalCapacity[s]);
            for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
            {
                var slot = AssignmentProblem.Slot(s, table.Grade[j]);
                added += AssignmentProblem.Over(gradeLoad[slot] + table.GradePupils[j], problem.GradeCapacity[slot])
                    - AssignmentProblem.Over(gradeLoad[slot], problem.GradeCapacity[slot]);
            }

            return added;
        }

        // The used candidates, most used first (then by index), and the first with room.
        var byShare = Enumerable.Range(0, count).Where(c => shares[first + c] > Used).OrderByDescending(c => shares[first + c]).ThenBy(c => c);
        foreach (var c in byShare)
        {
            if (Added(c) == 0)
            {
                return c;
            }
        }

        var (pick, least, cost) = (0, long.MaxValue, long.MaxValue);
        for (var c = 0; c < count; c++)
        {
            var added = Added(c);
            if (added < least || (added == least && table.Cost[first + c] < cost))
            {
                (pick, least, cost) = (c, added, table.Cost[first + c]);
            }
        }

        return pick;
    }
}
