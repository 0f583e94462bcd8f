using Planning.Engine.Results;

namespace Planning.Engine.Comparison;

/// <summary>Compares two simulation results term by term, e.g. "before" (no redistribution) and "after".</summary>
public static class RunComparer
{
    /// <summary>
    /// For every term in both runs: which pupils are at another school in <paramref name="after"/>
    /// than in <paramref name="before"/> (matched by area and grade), distances and violations of both.
    /// </summary>
    public static IReadOnlyList<TermComparison> Compare(SimulationResult before, SimulationResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var afterByTerm = after.Terms.ToDictionary(t => t.Term);
        return before.Terms
            .Where(t => afterByTerm.ContainsKey(t.Term))
            .Select(b => Compare(b, afterByTerm[b.Term]))
            .ToList();
    }

    private static TermComparison Compare(TermResult before, TermResult after)
    {
        var a = Index(before.Placements);
        var b = Index(after.Placements);
        var flows = new Dictionary<(string? From, string? To), int>();
        foreach (var key in a.Keys.Union(b.Keys))
        {
            var from = a.GetValueOrDefault(key) ?? [];
            var to = b.GetValueOrDefault(key) ?? [];
            // Pupils at the same school in both runs did not move; the rest are paired in school order.
            var leaving = Excess(from, to);
            var arriving = Excess(to, from);
            int i = 0, j = 0;
            while (i < leaving.Count || j < arriving.Count)
            {
                var (fromSchool, fromLeft) = i < leaving.Count ? leaving[i] : (null, int.MaxValue);
                var (toSchool, toLeft) = j < arriving.Count ? arriving[j] : (null, int.MaxValue);
                var n = Math.Min(fromLeft, toLeft);
                flows[(fromSchool, toSchool)] = flows.GetValueOrDefault((fromSchool, toSchool)) + n;
                if (i < leaving.Count)
                {
                    leaving[i] = (fromSchool, fromLeft - n);
                    i += fromLeft == n ? 1 : 0;
                }

                if (j < arriving.Count)
                {
                    arriving[j] = (toSchool, toLeft - n);
                    j += toLeft == n ? 1 : 0;
                }
            }
        }

        var list = flows
            .Select(f => new StudentFlow(f.Key.From, f.Key.To, f.Value))
            .OrderByDescending(f => f.Students)
            .ThenBy(f => f.FromSchool, StringComparer.Ordinal)
            .ThenBy(f => f.ToSchool, StringComparer.Ordinal)
            .ToList();
        return new TermComparison(before.Term, list, list.Sum(f => f.Students), before.Distance, after.Distance, before.Violations, after.Violations);
    }

    private static Dictionary<(string? Area, int Grade), Dictionary<string, int>> Index(IEnumerable<Placement> placements)
    {
        var index = new Dictionary<(string? Area, int Grade), Dictionary<string, int>>();
        foreach (var p in placements)
        {
            if (!index.TryGetValue((p.AreaCode, p.Grade), out var bySchool))
            {
                index[(p.AreaCode, p.Grade)] = bySchool = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            bySchool[p.SchoolCode] = bySchool.GetValueOrDefault(p.SchoolCode) + p.Students;
        }

        return index;
    }

    private static List<(string? School, int Count)> Excess(Dictionary<string, int> mine, Dictionary<string, int> theirs) =>
        mine
            .Select(p => (School: (string?)p.Key, Count: p.Value - theirs.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .OrderBy(p => p.School, StringComparer.Ordinal)
            .ToList();
}
