using Planning.Engine.Assignment;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// Given the work to finish, the local search stops only where no move and no chain of its kind
/// (an area moved in, one of that school's areas moved on) lowers the overflow, or keeps it and
/// lowers the rest of the cost: checked by trying every one of them.
/// </summary>
public class LocalSearchTests
{
    public static TheoryData<int, long> Cases() => new()
    {
        { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 0 }, { 6, 0 },
        { 1, 3_000 }, { 2, 3_000 }, { 3, 3_000 }, { 4, 3_000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Improve_RunToTheEnd_NoMoveOrChainImprovesIt(int seed, long underFillCost)
    {
        var random = new Random(seed);
        var problem = SolverGuaranteesTests.Clusters(random, clusters: 1, areasPerCluster: 24, schoolsPerCluster: 4);
        problem = WithFillTargets(problem, underFillCost, random);
        var table = CandidateTable.Build(problem);
        var start = problem.Units.Select(u => u.Candidates.Count - 1).ToArray();

        var choice = LocalSearch.Improve(problem, table, start, passes: 1_000, work: long.MaxValue, CancellationToken.None);

        Assert.False(Better(WholeAreaCost.Measure(problem, start), WholeAreaCost.Measure(problem, choice)));
        AssertNoMoveOrChainImproves(problem, table, choice);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Improve_JuniorGradesAndSchoolTotalsBind_NoMoveOrChainImprovesIt(int seed)
    {
        // Grades 7-9 and the school's total are the last and the first of the search's lanes (its free
        // seats per school). Here the totals bind (seats for 80 % of the pupils) and so may grades 7-9;
        // the primary cases above bind grades 1-6 only.
        var random = new Random(seed);
        var units = Enumerable.Range(0, 24).Select(a => new DecisionUnit(a, Rules.SchoolPart.Junior,
            [.. Enumerable.Range(7, 3).Where(_ => random.NextDouble() < 0.8).Select(g => new DemandItem(g, -1, random.Next(1, 30)))],
            [.. Enumerable.Range(0, 4).OrderBy(_ => random.Next()).Take(3)
                .Select(s => new Candidate(s, random.Next(100, 6000), random.NextDouble() < 0.3)).OrderBy(c => c.DistanceMetres)]))
            .Where(unit => unit.Items.Count > 0).ToList();
        var problem = new AssignmentProblem(4, units, moveCost: 500, changeCost: 50, overflowCost: 10_000_000);
        var pupils = units.Sum(u => u.Pupils);
        for (var s = 0; s < 4; s++)
        {
            problem.TotalCapacity[s] = pupils / 5;
            for (var grade = 7; grade <= 9; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = 50 * random.Next(1, 3);
            }
        }

        var table = CandidateTable.Build(problem);
        var start = problem.Units.Select(u => u.Candidates.Count - 1).ToArray();

        var choice = LocalSearch.Improve(problem, table, start, passes: 1_000, work: long.MaxValue, CancellationToken.None);

        Assert.False(Better(WholeAreaCost.Measure(problem, start), WholeAreaCost.Measure(problem, choice)));
        AssertNoMoveOrChainImproves(problem, table, choice);
    }

    [Fact]
    public void Improve_OverflowOnlyAChainRemoves_Removed()
    {
        // School 0 has one pupil too many. Area 0 may go to school 1, which is full; area 1 there may go
        // on to the empty school 2. Each single move keeps or raises the overflow; the chain removes it.
        var problem = Row(
            (0, [(0, 1_000), (1, 2_000)]),
            (0, [(0, 1_000)]),
            (1, [(1, 1_000), (2, 3_000)]));
        var table = CandidateTable.Build(problem);

        var choice = LocalSearch.Improve(problem, table, [0, 0, 0], passes: 100, work: long.MaxValue, CancellationToken.None);

        Assert.Equal([1, 0, 1], choice);
        Assert.Equal(0, WholeAreaCost.Measure(problem, choice).Overflow);
        AssertNoMoveOrChainImproves(problem, table, choice);
    }

    [Fact]
    public void Improve_OverflowOnlyThreeMovesRemove_Removed()
    {
        // School 0 has one pupil too many. Area 0 may go to the full school 1, whose area 2 may go to
        // the full school 2, whose area 3 may go to the empty school 3. A move or a chain of two keeps
        // the overflow (and costs more): only the three moves together remove it.
        var problem = Row(
            (0, [(0, 1_000), (1, 2_000)]),
            (0, [(0, 1_000)]),
            (1, [(1, 1_000), (2, 2_000)]),
            (2, [(2, 1_000), (3, 2_000)]));
        var table = CandidateTable.Build(problem);

        var choice = LocalSearch.Improve(problem, table, [0, 0, 0, 0], passes: 100, work: long.MaxValue, CancellationToken.None);

        Assert.Equal([1, 0, 1, 1], choice);
        Assert.Equal(0, WholeAreaCost.Measure(problem, choice).Overflow);
    }

    [Fact]
    public void Improve_ChainSavesTenMetres_Taken()
    {
        // Area 0 travels 5,000 m to school 0; school 1 at 1,000 m is full with area 1, whose other school
        // is 4,990 m away: moving both saves 4,000 − 3,990 = 10 m, and neither move alone saves anything.
        var problem = Row(
            (0, [(0, 5_000), (1, 1_000)]),
            (1, [(1, 1_000), (2, 4_990)]));
        var table = CandidateTable.Build(problem);

        var choice = LocalSearch.Improve(problem, table, [0, 0], passes: 100, work: long.MaxValue, CancellationToken.None);

        Assert.Equal([1, 1], choice);
        Assert.Equal(4_990 + 1_000, WholeAreaCost.Measure(problem, choice).Cost);
    }

    /// <summary>One pupil of grade 1 per area at its first school, one grade-1 seat per school, no move or change cost.</summary>
    internal static AssignmentProblem Row(params (int School, (int School, long Metres)[] Candidates)[] areas)
    {
        var units = areas.Select((a, i) => new DecisionUnit(i, Rules.SchoolPart.Primary, [new DemandItem(1, a.School, 1)],
            [.. a.Candidates.Select(c => new Candidate(c.School, c.Metres, c.School == a.School))])).ToList();
        var schools = areas.SelectMany(a => a.Candidates).Max(c => c.School) + 1;
        var problem = new AssignmentProblem(schools, units, moveCost: 0, changeCost: 0, overflowCost: 10_000_000);
        for (var s = 0; s < schools; s++)
        {
            problem.TotalCapacity[s] = 2_000;
            problem.GradeCapacity[AssignmentProblem.Slot(s, 1)] = 1;
        }

        return problem;
    }

    private static void AssertNoMoveOrChainImproves(AssignmentProblem problem, CandidateTable table, int[] choice)
    {
        var now = WholeAreaCost.Measure(problem, choice);
        for (var u = 0; u < choice.Length; u++)
        {
            for (var c = 0; c < problem.Units[u].Candidates.Count; c++)
            {
                if (c == choice[u])
                {
                    continue;
                }

                var moved = (int[])choice.Clone();
                moved[u] = c;
                Assert.False(Better(WholeAreaCost.Measure(problem, moved), now), $"moving unit {u} to candidate {c} improves it");
                // Chains start where they can help: from an area at an overfull school or not at its cheapest.
                if (!StartsChains(problem, table, choice, u))
                {
                    continue;
                }

                var school = problem.Units[u].Candidates[c].School;
                for (var v = 0; v < choice.Length; v++)
                {
                    if (v == u || problem.Units[v].Candidates[choice[v]].School != school)
                    {
                        continue;
                    }

                    for (var d = 0; d < problem.Units[v].Candidates.Count; d++)
                    {
                        if (d == choice[v])
                        {
                            continue;
                        }

                        var chained = (int[])moved.Clone();
                        chained[v] = d;
                        Assert.False(Better(WholeAreaCost.Measure(problem, chained), now), $"unit {u} to candidate {c}, then unit {v} to {d}, improves it");
                    }
                }
            }
        }
    }

    private static bool StartsChains(AssignmentProblem problem, CandidateTable table, int[] choice, int u)
    {
        var k = table.First[u] + choice[u];
        if (table.Cost[k] > Enumerable.Range(table.First[u], table.Count(u)).Min(j => table.Cost[j]))
        {
            return true;
        }

        var school = table.School[k];
        var units = Enumerable.Range(0, choice.Length).Where(v => table.School[table.First[v] + choice[v]] == school).ToList();
        if (units.Sum(v => table.Pupils[v]) > problem.TotalCapacity[school])
        {
            return true;
        }

        return Enumerable.Range(table.GradeFirst[u], table.GradeFirst[u + 1] - table.GradeFirst[u]).Any(j =>
            units.Sum(v => Enumerable.Range(table.GradeFirst[v], table.GradeFirst[v + 1] - table.GradeFirst[v]).Where(i => table.Grade[i] == table.Grade[j]).Sum(i => table.GradePupils[i]))
                > problem.GradeCapacity[AssignmentProblem.Slot(school, table.Grade[j])]);
    }

    /// <summary>Lower overflow, or as much and a lower cost.</summary>
    private static bool Better((long Cost, long Overflow) x, (long Cost, long Overflow) y) =>
        x.Overflow < y.Overflow || (x.Overflow == y.Overflow && x.Cost < y.Cost);

    private static AssignmentProblem WithFillTargets(AssignmentProblem problem, long underFillCost, Random random)
    {
        var copy = new AssignmentProblem(problem.SchoolCount, problem.Units, problem.MoveCost, problem.ChangeCost, problem.OverflowCost, underFillCost);
        Array.Copy(problem.GradeCapacity, copy.GradeCapacity, problem.GradeCapacity.Length);
        Array.Copy(problem.TotalCapacity, copy.TotalCapacity, problem.TotalCapacity.Length);
        for (var s = 0; s < copy.SchoolCount; s++)
        {
            copy.FillTarget[s] = underFillCost > 0 && random.NextDouble() < 0.5 ? random.Next(50, 400) : 0;
        }

        return copy;
    }
}
