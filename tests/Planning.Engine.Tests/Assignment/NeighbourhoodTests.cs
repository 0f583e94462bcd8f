using Planning.Engine.Assignment;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// <see cref="Neighbourhood.AtSchools"/>: the units a chain of moves out of the seed schools can
/// touch, each once, the seeds' own units first, never more than the limit.
/// </summary>
public class NeighbourhoodTests
{
    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(2, 10_000)]
    [InlineData(3, 40)]
    [InlineData(4, 5)]
    public void AtSchools_RandomAssignment_SeedsUnitsFirstThenOnlyUnitsAtSchoolsReachedWithinTheLimit(int seed, int limit)
    {
        var random = new Random(seed);
        var (problem, table, _) = LocalSearchSkipTests.Line(random, areas: 300);
        var choice = Enumerable.Range(0, table.Units).Select(u => random.Next(table.Count(u))).ToArray();
        int At(int u) => table.School[table.First[u] + choice[u]];
        var seeds = new[] { 7, 3, 21 };

        var free = Neighbourhood.AtSchools(table, problem.SchoolCount, choice, seeds, limit, out var atSeeds);

        var atSeedSchools = Enumerable.Range(0, table.Units).Where(u => seeds.Contains(At(u))).ToList();
        Assert.Equal(atSeedSchools.Count, atSeeds);
        Assert.Equal(free.Order(), free);
        Assert.Equal(free.Count, free.Distinct().Count());
        Assert.Equal(Math.Min(limit, 300), free.Count);
        if (limit >= atSeeds)
        {
            Assert.Subset(free.ToHashSet(), atSeedSchools.ToHashSet());
        }
        else
        {
            Assert.All(free, u => Assert.Contains(At(u), seeds));
        }

        // Every unit not at a seed sits at a school some other unit taken could go to.
        var reachable = free.SelectMany(u => Enumerable.Range(table.First[u], table.Count(u)).Select(k => table.School[k])).ToHashSet();
        Assert.All(free.Where(u => !seeds.Contains(At(u))), u => Assert.Contains(At(u), reachable));
        if (limit == 10_000)
        {
            // Unlimited: the walk ends only when no school reached has a unit left out.
            Assert.All(Enumerable.Range(0, table.Units).Where(u => reachable.Contains(At(u))), u => Assert.Contains(u, free));
        }
    }
}
