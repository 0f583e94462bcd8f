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
    [InlineData(2, 150)]
    [InlineData(3, 40)]
    [InlineData(4, 5)]
    [InlineData(5, 100)]
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
        if (limit >= atSeeds)
        {
            Assert.Subset(free.ToHashSet(), atSeedSchools.ToHashSet());
        }
        else
        {
            Assert.All(free, u => Assert.Contains(At(u), seeds));
        }

        // Each school's distance from the seeds, in moves: layer d + 1 holds the schools a unit now at
        // layer d could go to. The walk takes whole layers in turn: never a unit farther out than one
        // it left, and every unit at a reachable school when the limit allows.
        var layer = seeds.ToDictionary(s => s, _ => 0);
        for (var d = 0; layer.ContainsValue(d); d++)
        {
            foreach (var u in Enumerable.Range(0, table.Units).Where(u => layer.GetValueOrDefault(At(u), -1) == d))
            {
                foreach (var k in Enumerable.Range(table.First[u], table.Count(u)))
                {
                    layer.TryAdd(table.School[k], d + 1);
                }
            }
        }

        int Layer(int u) => layer.GetValueOrDefault(At(u), int.MaxValue);
        var reachable = Enumerable.Range(0, table.Units).Count(u => Layer(u) < int.MaxValue);
        var left = Enumerable.Range(0, table.Units).Except(free).ToList();
        Assert.Equal(Math.Min(limit, reachable), free.Count);
        Assert.True(left.Count == 0 || free.Max(Layer) <= left.Min(Layer), "a unit taken lies farther from the seeds than one left out");
    }
}
