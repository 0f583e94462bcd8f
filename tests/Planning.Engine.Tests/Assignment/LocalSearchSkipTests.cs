using Planning.Engine.Assignment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// The local search skips a unit whose neighbourhood has not changed since its last fruitless look
/// and charges the work that look took: the answer must be the one a search that looks at every unit
/// gives, to the unit, whatever the work budget, also when a search is run again from a changed start
/// (as the solver does after CP-SAT).
/// </summary>
public class LocalSearchSkipTests
{
    /// <summary>Seeds, and the work budget as a share of what the search takes to finish (1: all of it).</summary>
    public static TheoryData<int, double> Budgets()
    {
        var data = new TheoryData<int, double>();
        foreach (var (seed, share) in SeedsAndShares())
        {
            data.Add(seed, share);
        }

        return data;
    }

    /// <summary>The same, and the share of areas moved before the second run (a few: most of the district unchanged).</summary>
    public static TheoryData<int, double, double> AgainBudgets()
    {
        var data = new TheoryData<int, double, double>();
        foreach (var (seed, share) in SeedsAndShares())
        {
            data.Add(seed, share, 0.1);
            data.Add(seed, share, 0.005);
        }

        return data;
    }

    private static IEnumerable<(int Seed, double Share)> SeedsAndShares() =>
        from seed in Enumerable.Range(1, 6)
        from share in new[] { 0.5, 0.9, 0.95, 0.99, 1 }
        select (seed, share);

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Run_SkippingUnchangedUnits_SameAnswerAsLookingAtEvery(int seed, double share)
    {
        var (problem, table, start) = Line(new Random(seed));
        var work = Budget(problem, table, start, share);

        var skipping = LocalSearch.For(problem, table);
        var answer = skipping.Run(start, passes: 1_000, work, CancellationToken.None);
        var lookingAtEvery = LocalSearch.For(problem, table, skipUnchanged: false);
        var everyUnit = lookingAtEvery.Run(start, passes: 1_000, work, CancellationToken.None);

        Assert.Equal(everyUnit, answer);
        Assert.Equal(lookingAtEvery.WorkDone, skipping.WorkDone);
        Assert.NotEqual(start, answer);
        if (share == 1)
        {
            Assert.True(skipping.Skipped > 0, "no look was skipped: the test would not see a wrong skip");
        }
    }

    [Theory]
    [MemberData(nameof(AgainBudgets))]
    public void Run_AgainFromAChangedStart_SameAnswerAsAFreshSearch(int seed, double share, double moved)
    {
        var random = new Random(seed);
        var (problem, table, start) = Line(random);
        var search = LocalSearch.For(problem, table);
        var changed = search.Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);
        for (var u = 0; u < changed.Length; u++)
        {
            if (random.NextDouble() < moved)
            {
                changed[u] = random.Next(table.Count(u));
            }
        }

        var work = Budget(problem, table, changed, share);
        var skipped = search.Skipped;
        var again = search.Run(changed, passes: 1_000, work, CancellationToken.None);
        var freshSearch = LocalSearch.For(problem, table, skipUnchanged: false);
        var fresh = freshSearch.Run(changed, passes: 1_000, work, CancellationToken.None);

        Assert.Equal(fresh, again);
        Assert.Equal(freshSearch.WorkDone, search.WorkDone);
        if (share == 1)
        {
            Assert.True(search.Skipped > skipped, "the second run skipped nothing: the test would not see a wrong skip");
        }
    }

    /// <summary>The share of the work a search from <paramref name="start"/> takes to finish, the whole when 1.</summary>
    private static long Budget(AssignmentProblem problem, CandidateTable table, int[] start, double share)
    {
        var search = LocalSearch.For(problem, table, skipUnchanged: false);
        search.Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);
        return share == 1 ? long.MaxValue : (long)(share * search.WorkDone);
    }

    /// <summary>
    /// 200 schools 1 km apart on a line and 2,000 areas among them, each with its four nearest schools as
    /// candidates, so a change is felt nearby only; grade seats tight enough for overflow and chains.
    /// Every area starts at its farthest candidate.
    /// </summary>
    internal static (AssignmentProblem Problem, CandidateTable Table, int[] Start) Line(Random random, long overflowCost = 10_000_000, int areas = 2_000)
    {
        var schools = areas / 10;
        var units = new List<DecisionUnit>();
        for (var a = 0; a < areas; a++)
        {
            var x = random.Next(schools * 1_000);
            var items = Enumerable.Range(1, 6).Where(_ => random.NextDouble() < 0.7)
                .Select(g => new DemandItem(g, random.NextDouble() < 0.5 ? x / 1_000 : -1, random.Next(1, 12))).DefaultIfEmpty(new DemandItem(1, -1, 3)).ToList();
            var candidates = Enumerable.Range(0, schools)
                .OrderBy(s => Math.Abs((s * 1_000) + 500 - x)).Take(4)
                .Select(s => new Candidate(s, Math.Abs((s * 1_000) + 500 - x) + 100, s == x / 1_000))
                .ToList();
            units.Add(new DecisionUnit(a, SchoolPart.Primary, items, candidates));
        }

        var problem = new AssignmentProblem(schools, units, moveCost: 500, changeCost: 50, overflowCost: overflowCost);
        for (var s = 0; s < schools; s++)
        {
            problem.TotalCapacity[s] = random.Next(250, 400);
            for (var grade = 1; grade <= 6; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = random.Next(40, 70);
            }
        }

        var table = CandidateTable.Build(problem);
        return (problem, table, [.. Enumerable.Range(0, units.Count).Select(u => table.Count(u) - 1)]);
    }
}
