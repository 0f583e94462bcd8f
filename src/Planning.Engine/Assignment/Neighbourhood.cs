namespace Planning.Engine.Assignment;

/// <summary>
/// Units near trouble, for CP-SAT or SCIP to re-decide when a part is too large to give them whole:
/// breadth-first walks from seed schools through the candidates of every unit reached, until the
/// limit. Deterministic: seeds in the order given, units in index order.
/// </summary>
internal static class Neighbourhood
{
    /// <summary>Every unit at or able to go to the seed schools, then the seed units, and on from there.</summary>
    public static List<int> Around(CandidateTable table, int schoolCount, IReadOnlyList<int> seedSchools, IReadOnlyList<int> seedUnits, int limit) =>
        Walk(table, table.UnitsBySchool(schoolCount), seedSchools, seedUnits, limit);

    /// <summary>
    /// Units now at the seed schools (<paramref name="choice"/>), then on through the candidates of
    /// every unit reached to the units now at those schools, until the limit: what a chain of moves
    /// out of the seeds can touch. <paramref name="atSeeds"/> counts the units at the seeds themselves.
    /// </summary>
    public static List<int> AtSchools(CandidateTable table, int schoolCount, int[] choice, IReadOnlyList<int> seedSchools, int limit, out int atSeeds)
    {
        var first = new int[schoolCount + 1];
        for (var u = 0; u < table.Units; u++)
        {
            first[table.School[table.First[u] + choice[u]] + 1]++;
        }

        for (var s = 0; s < schoolCount; s++)
        {
            first[s + 1] += first[s];
        }

        var next = (int[])first.Clone();
        var unitsAt = new int[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            unitsAt[next[table.School[table.First[u] + choice[u]]]++] = u;
        }

        atSeeds = seedSchools.Sum(s => first[s + 1] - first[s]);
        return Walk(table, (first, unitsAt), seedSchools, [], limit);
    }

    /// <summary>
    /// The walk: each seed school's units (as <paramref name="unitsOf"/> lists them), the seed units,
    /// then for every unit taken each of its candidate schools' units, until the limit.
    /// </summary>
    private static List<int> Walk(
        CandidateTable table, (int[] First, int[] Units) unitsOf, IReadOnlyList<int> seedSchools, IReadOnlyList<int> seedUnits, int limit)
    {
        var taken = new bool[table.Units];
        var seen = new bool[unitsOf.First.Length - 1];
        var result = new List<int>();
        var queue = new Queue<int>();

        void Visit(int school)
        {
            if (seen[school])
            {
                return;
            }

            seen[school] = true;
            for (var i = unitsOf.First[school]; i < unitsOf.First[school + 1] && result.Count < limit; i++)
            {
                Take(unitsOf.Units[i]);
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
