namespace Planning.Engine.Assignment;

/// <summary>
/// Units near trouble, for CP-SAT to re-decide when a part is too large to give it whole: a
/// breadth-first walk from the seed schools (every unit there or able to go there) and seed units,
/// then on through the candidates of every unit reached, until the limit. Deterministic: seeds and
/// units are visited in index order.
/// </summary>
internal static class Neighbourhood
{
    public static List<int> Around(CandidateTable table, int schoolCount, IReadOnlyList<int> seedSchools, IReadOnlyList<int> seedUnits, int limit)
    {
        var (first, unitsOf) = UnitsBySchool(table, schoolCount);
        var taken = new bool[table.Units];
        var seen = new bool[schoolCount];
        var result = new List<int>();
        var queue = new Queue<int>();

        void Visit(int school)
        {
            if (seen[school])
            {
                return;
            }

            seen[school] = true;
            for (var i = first[school]; i < first[school + 1] && result.Count < limit; i++)
            {
                Take(unitsOf[i]);
            }
        }

        void Take(int u)
        {
            if (!taken[u] && result.Count < limit)
            {
                taken[u] = true;
                result.Add(u);
                queue.Enqueue(u);
            }
        }

        foreach (var s in seedSchools)
        {
            Visit(s);
        }

        foreach (var u in seedUnits)
        {
            Take(u);
        }

        while (queue.Count > 0 && result.Count < limit)
        {
            var u = queue.Dequeue();
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                Visit(table.School[k]);
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>Per school, the units that have it as a candidate, in unit order.</summary>
    private static (int[] First, int[] Units) UnitsBySchool(CandidateTable table, int schoolCount)
    {
        var first = new int[schoolCount + 1];
        foreach (var s in table.School)
        {
            first[s + 1]++;
        }

        for (var s = 0; s < schoolCount; s++)
        {
            first[s + 1] += first[s];
        }

        var next = (int[])first.Clone();
        var units = new int[table.School.Length];
        for (var u = 0; u < table.Units; u++)
        {
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                units[next[table.School[k]]++] = u;
            }
        }

        return (first, units);
    }
}
