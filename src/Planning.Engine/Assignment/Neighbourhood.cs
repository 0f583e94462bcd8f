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
        var (first, unitsOf) = table.UnitsBySchool(schoolCount);
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
}
