using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>
/// Splits a problem into parts that share no candidate school (connected components of the
/// unit–school graph). Parts cannot compete for a seat, so each is solved on its own, on any thread,
/// and their costs and bounds add up. Units without candidates belong to no part.
/// </summary>
internal static class Components
{
    /// <summary>A part: its own problem with schools renumbered, and the original index of each of its units and schools.</summary>
    public sealed record Part(AssignmentProblem Problem, int[] Units, int[] Schools);

    /// <summary>The parts, ordered by their first unit.</summary>
    public static List<Part> Split(AssignmentProblem problem)
    {
        var parent = Enumerable.Range(0, problem.SchoolCount).ToArray();
        foreach (var unit in problem.Units)
        {
            for (var c = 1; c < unit.Candidates.Count; c++)
            {
                parent[Root(parent, unit.Candidates[c].School)] = Root(parent, unit.Candidates[0].School);
            }
        }

        var partOfRoot = new Dictionary<int, int>();
        var units = new List<List<int>>();
        for (var u = 0; u < problem.Units.Count; u++)
        {
            if (problem.Units[u].Candidates.Count == 0)
            {
                continue;
            }

            var root = Root(parent, problem.Units[u].Candidates[0].School);
            if (!partOfRoot.TryGetValue(root, out var part))
            {
                part = units.Count;
                partOfRoot[root] = part;
                units.Add([]);
            }

            units[part].Add(u);
        }

        var schools = units.Select(_ => new List<int>()).ToList();
        for (var s = 0; s < problem.SchoolCount; s++)
        {
            if (partOfRoot.TryGetValue(Root(parent, s), out var part))
            {
                schools[part].Add(s);
            }
        }

        return units.Select((list, p) => Build(problem, [.. list], [.. schools[p]])).ToList();
    }

    private static Part Build(AssignmentProblem problem, int[] units, int[] schools)
    {
        var local = new Dictionary<int, int>(schools.Length);
        for (var i = 0; i < schools.Length; i++)
        {
            local[schools[i]] = i;
        }

        var renumbered = units.Select(u => problem.Units[u]).Select(unit => unit with
        {
            // An origin outside the part stays a move from every candidate.
            Items = unit.Items.Select(item => item.Origin < 0 ? item : item with { Origin = local.GetValueOrDefault(item.Origin, int.MaxValue) }).ToArray(),
            Candidates = unit.Candidates.Select(c => c with { School = local[c.School] }).ToArray(),
        }).ToList();
        var sub = new AssignmentProblem(schools.Length, renumbered, problem.MoveCost, problem.ChangeCost, problem.OverflowCost, problem.UnderFillCost);
        for (var i = 0; i < schools.Length; i++)
        {
            var s = schools[i];
            sub.TotalCapacity[i] = problem.TotalCapacity[s];
            sub.FillTarget[i] = problem.FillTarget[s];
            Array.Copy(problem.GradeCapacity, AssignmentProblem.Slot(s, Grades.First), sub.GradeCapacity, AssignmentProblem.Slot(i, Grades.First), Grades.Count);
        }

        return new Part(sub, units, schools);
    }

    private static int Root(int[] parent, int s)
    {
        while (parent[s] != s)
        {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }

        return s;
    }
}
