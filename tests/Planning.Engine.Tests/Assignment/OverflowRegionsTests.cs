using Planning.Engine.Rules;
using Planning.Engine.Assignment;
using Planning.Engine.Inputs;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// The seat max flow's cut (<see cref="FlowRelaxation.Seats"/>), its regions
/// (<see cref="OverflowRegions.Above"/>) and their repair by SCIP in a part too large for it whole.
/// </summary>
public class OverflowRegionsTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 12));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seats_RandomInstances_ItsPricesBoundEveryAssignmentAndAddUpToTheLeastOverflow(int seed)
    {
        var random = new Random(seed);
        var (problem, table, start) = seed % 2 == 0
            ? LocalSearchSkipTests.Line(random, areas: 300)
            : Small(random);

        var seats = FlowRelaxation.Seats(problem, withCut: true);
        var (slot, school) = (seats.SlotPriced!, seats.SchoolPriced!);

        // The cut changes nothing of the flow.
        Assert.Equal(FlowRelaxation.MostSeated(problem), seats.Seated);
        // The cut's value is the max flow's: Σ over items of their cheapest price − priced seats = pupils
        // − most seated. Per whole unit the cheapest price may only be higher.
        var least = FlowRelaxation.Least(problem, seats.Seated);
        Assert.Equal(least, ItemLagrangian(problem, slot, school));
        var whole = Lagrangian(problem, table, slot, school);
        Assert.True(whole >= least, $"{whole} < {least}");
        // That bounds the pupils over the priced slots and schools of every whole assignment.
        foreach (var choice in new[] { start }.Concat(Enumerable.Range(0, 20).Select(_ => RandomChoice(random, table))))
        {
            Assert.True(OverPriced(problem, table, choice, slot, school) >= whole, "an assignment beat the cut's bound");
        }
    }

    [Theory]
    // Of seeds 1-12, those where one of the three assignments below has a region above its bound (in
    // the others every region stands at its bound in all three).
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    public void Above_AssignmentsOverTheLeast_RegionsAboveTheirBoundDisjointMostAboveFirstAndNoMoreThanTheExcess(int seed)
    {
        var random = new Random(seed);
        var problem = Crowded(random, schools: 30, areasPerSchool: 20, seatsPerPupil: 0.7);
        var table = CandidateTable.Build(problem);
        var start = Enumerable.Range(0, table.Units).Select(u => table.Count(u) - 1).ToArray();
        var seats = FlowRelaxation.Seats(problem, withCut: true);
        var least = FlowRelaxation.Least(problem, seats.Seated);
        var found = 0;

        var nearest = new int[table.Units];
        foreach (var choice in new[] { start, nearest, RandomChoice(random, table) })
        {
            var regions = OverflowRegions.Above(problem, table, seats, choice);

            var overflow = WholeAreaCost.Overflow(problem, choice);
            Assert.All(regions, r => Assert.True(r.Above > 0));
            Assert.Equal(regions.OrderByDescending(r => r.Above).Select(r => r.Above), regions.Select(r => r.Above));
            var trapped = regions.SelectMany(r => r.Trapped).ToList();
            Assert.Equal(trapped.Count, trapped.Distinct().Count());
            // Regions share no school.
            var schoolsOf = regions.Select(r => r.Trapped.SelectMany(u => Enumerable.Range(table.First[u], table.Count(u)).Select(k => table.School[k])).ToHashSet()).ToList();
            for (var i = 0; i < schoolsOf.Count; i++)
            {
                for (var j = i + 1; j < schoolsOf.Count; j++)
                {
                    Assert.Empty(schoolsOf[i].Intersect(schoolsOf[j]));
                }
            }

            Assert.InRange(regions.Sum(r => r.Above), 0, overflow - least);
            // A threshold keeps the regions at least that far above their bound, in the same order: one
            // above the least region's figure leaves that region out; 0 keeps them all, as 1 does.
            var threshold = regions.Count > 0 ? regions[^1].Above + 1 : 2;
            var kept = OverflowRegions.Above(problem, table, seats, choice, atLeast: threshold);
            Assert.Equal(regions.Where(r => r.Above >= threshold).Select(r => r.Trapped[0]), kept.Select(r => r.Trapped[0]));
            Assert.True(regions.Count == 0 || kept.Count < regions.Count);
            Assert.Equal(regions.Select(r => r.Trapped[0]), OverflowRegions.Above(problem, table, seats, choice, atLeast: 0).Select(r => r.Trapped[0]));
            // Each region's figure, computed here from the cut: its pupils over its schools' priced
            // slots and schools, less Σ its trapped units' cheapest price − those seats.
            var (slot, school) = (seats.SlotPriced!, seats.SchoolPriced!);
            var (grade, total) = table.Loads(problem, choice);
            for (var i = 0; i < regions.Count; i++)
            {
                var at = schoolsOf[i];
                var priced = at.Sum(s => (school[s] ? problem.TotalCapacity[s] : 0) + Enumerable.Range(s * 9, 9).Where(g => slot[g]).Sum(g => problem.GradeCapacity[g]));
                var over = at.Sum(s => (school[s] ? AssignmentProblem.Over(total[s], problem.TotalCapacity[s]) : 0)
                    + Enumerable.Range(s * 9, 9).Where(g => slot[g]).Sum(g => AssignmentProblem.Over(grade[g], problem.GradeCapacity[g])));
                var bound = regions[i].Trapped.Sum(u => Enumerable.Range(table.First[u], table.Count(u)).Min(k => Price(problem, table, u, k, slot, school))) - priced;
                Assert.Equal(over - bound, regions[i].Above);
            }

            found += regions.Count > 0 ? 1 : 0;
        }

        Assert.True(found > 0, "no region above its bound: the test shows nothing");
        // Without its cut the seat max flow has no regions to give.
        Assert.Throws<ArgumentException>(() => OverflowRegions.Above(problem, table, FlowRelaxation.Seats(problem, withCut: false), start));
    }

    [Fact]
    public void Above_AnAssignmentAtTheLeastOverflow_NoRegion()
    {
        var found = 0;
        // Of seeds 1-12, seed 4's answer reaches its least overflow (not 0); seed 1's does not.
        foreach (var seed in new[] { 1, 4 })
        {
            var (problem, table, _) = LocalSearchSkipTests.Line(new Random(seed), areas: 200);
            var solution = AssignmentSolver.Solve(problem, allowSplitting: false, SolverOptions.Default, CancellationToken.None);
            if (solution.Stats.OverflowPupils != FlowRelaxation.Least(problem, FlowRelaxation.MostSeated(problem)) || solution.Stats.OverflowPupils == 0)
            {
                continue;
            }

            found++;
            Assert.Empty(OverflowRegions.Above(problem, table, FlowRelaxation.Seats(problem, withCut: true), WholeAreaSolverTests.Choice(problem, solution)));
        }

        Assert.True(found > 0, "no instance with overflow at its least: the test shows nothing");
    }

    [Fact]
    public void Above_DefaultThreshold_TakesARegionTwoPupilsAboveItsBound()
    {
        // By default every region above its bound is re-placed: over the 100k horizon that left 13
        // pupils unproven instead of 15 for about 10 s more solve (BENCHMARKS.md, "seventh session").
        // On seed 13, without the repair, one region stands 2 pupils above its bound.
        var options = SolverOptions.Default with { MaxOverflowAreas = 0, MaxFreeAreas = 0, CostRounds = 0, MaxMipAreas = 300, ChainWork = 0, RegionPupils = long.MaxValue };
        var problem = Crowded(new Random(13), schools: 30, areasPerSchool: 20, seatsPerPupil: 0.65);
        var unrepaired = AssignmentSolver.Solve(problem, allowSplitting: false, options, CancellationToken.None);

        var regions = OverflowRegions.Above(
            problem, CandidateTable.Build(problem), FlowRelaxation.Seats(problem, withCut: true), WholeAreaSolverTests.Choice(problem, unrepaired), SolverOptions.Default.RegionPupils);

        Assert.Equal(2, Assert.Single(regions).Above);
    }

    [Fact]
    public void Solve_PartAboveTheMipLimitWithRegionsAboveTheirBound_RepairingThemLowersTheOverflow()
    {
        // Every step before it is as in both runs (CP-SAT's overflow and cost steps and the cost rounds
        // off, SCIP not given the part whole); they differ only in the regions re-placed: every region
        // above its bound (1 pupil), or none (long.MaxValue).
        // The overflow chains, which come after the repair, off too, so that the figures below are the repair's.
        var options = SolverOptions.Default with { MaxOverflowAreas = 0, MaxFreeAreas = 0, CostRounds = 0, MaxMipAreas = 300, ChainWork = 0 };
        var lowered = 0;
        // Two of sixteen instances measured: on seed 6 the repair removes 6 of the 40 pupils above the
        // least (59 → 53), on seed 8 none of 4.
        foreach (var seed in new[] { 6, 8 })
        {
            var problem = Crowded(new Random(seed), schools: 30, areasPerSchool: 20, seatsPerPupil: 0.6 + (0.05 * (seed % 6)));
            AssignmentSolution Solve(long regionPupils) =>
                AssignmentSolver.Solve(problem, allowSplitting: false, options with { RegionPupils = regionPupils }, CancellationToken.None);

            var with = Solve(1);
            var without = Solve(long.MaxValue);

            Assert.InRange(with.Stats.OverflowPupils, with.Stats.MinimumOverflowBound, without.Stats.OverflowPupils);
            Assert.Equal(without.Stats.LowerBound, with.Stats.LowerBound);
            Assert.True(with.Stats.OverflowPupils < without.Stats.OverflowPupils || with.Stats.Objective <= without.Stats.Objective);
            lowered += with.Stats.OverflowPupils < without.Stats.OverflowPupils ? 1 : 0;
            if (with.Stats.Objective != without.Stats.Objective)
            {
                // The step starts from the answer the run without it ends with: a threshold above every
                // one of its regions' pupils above their bound leaves the part as it is.
                var regions = OverflowRegions.Above(problem, CandidateTable.Build(problem), FlowRelaxation.Seats(problem, withCut: true), WholeAreaSolverTests.Choice(problem, without));
                Assert.NotEmpty(regions);
                Assert.Equal(without.Stats.Objective, Solve(regions[0].Above + 1).Stats.Objective);
            }
        }

        Assert.True(lowered > 0, "no instance where the regions' repair removed a pupil: the test shows nothing");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Repair_EveryRegionAtOnce_WhatOneAtATimeGives(int workers)
    {
        // A road of roomy schools with runs of short ones, every area at its nearest school. Three regions:
        // the areas nearest schools 5-9, those nearest 12-14 (near the first: units that may go to either
        // share candidate schools, so the second waits for the first) and those nearest 30-34 (apart from
        // both: solved beside them). Re-placing every region in one call gives what re-placing them one
        // at a time, each from the last one's answer, gives.
        bool IsShort(int s) => s is >= 5 and <= 9 or >= 12 and <= 14 or >= 30 and <= 34;
        var problem = Crowded(new Random(6), schools: 40, areasPerSchool: 10, seatsPerPupil: 0.6, IsShort);
        var table = CandidateTable.Build(problem);
        var choice = new int[table.Units];
        var regions = new[] { (5, 9), (12, 14), (30, 34) }
            .Select(run => new OverflowRegions.Region([.. Enumerable.Range(0, table.Units).Where(u => table.School[table.First[u]] >= run.Item1 && table.School[table.First[u]] <= run.Item2)], 1))
            .ToList();
        var schools = regions.Select(region => Reaching(table, region).Schools).ToList();
        var start = (choice, WholeAreaCost.Measure(problem, choice).Cost, WholeAreaCost.Measure(problem, choice).Overflow);
        var firstAlone = OverflowRegions.Repair(problem, table, start, [regions[0]], limit: 400, nodes: 1, workers: 1, CancellationToken.None, out _);

        var oneByOne = start;
        foreach (var region in regions)
        {
            if (OverflowRegions.Repair(problem, table, oneByOne, [region], limit: 400, nodes: 1, workers: 1, CancellationToken.None, out _) is { } next)
            {
                oneByOne = (next, WholeAreaCost.Measure(problem, next).Cost, WholeAreaCost.Measure(problem, next).Overflow);
            }
        }

        var atOnce = OverflowRegions.Repair(problem, table, start, regions, limit: 400, nodes: 1, workers, CancellationToken.None, out var most);

        Assert.True(schools[0].Overlaps(schools[1]) && !schools[2].Overlaps(schools[0]) && !schools[2].Overlaps(schools[1]));
        // The first region's repair moves areas the second may re-place: solved from the same start, the
        // second would see other seats.
        Assert.NotNull(firstAlone);
        Assert.Contains(Reaching(table, regions[1]).UnitList, u => firstAlone[u] != choice[u]);
        Assert.True(oneByOne.Overflow < start.Overflow);
        Assert.NotNull(atOnce);
        Assert.Equal(oneByOne.choice, atOnce);
        Assert.Equal(regions.Max(region => Reaching(table, region).UnitList.Count), most);
    }

    /// <summary>The units that may go to one of <paramref name="region"/>'s schools, and their candidate schools.</summary>
    private static (List<int> UnitList, HashSet<int> Schools) Reaching(CandidateTable table, OverflowRegions.Region region)
    {
        IEnumerable<int> SchoolsOf(int u) => Enumerable.Range(table.First[u], table.Count(u)).Select(k => table.School[k]);
        var inner = region.Trapped.SelectMany(SchoolsOf).ToHashSet();
        var units = Enumerable.Range(0, table.Units).Where(u => SchoolsOf(u).Any(inner.Contains)).ToList();
        return (units, units.SelectMany(SchoolsOf).ToHashSet());
    }

    /// <summary>
    /// Schools 1 km apart on a line with many small areas each (1-4 pupils a grade), the four nearest
    /// schools their candidates, and about <paramref name="seatsPerPupil"/> seats a pupil: whole areas
    /// can come near what the seats allow, and below 1 some pupils overflow in any assignment.
    /// </summary>
    internal static AssignmentProblem Crowded(Random random, int schools, int areasPerSchool, double seatsPerPupil, Func<int, bool>? isShort = null)
    {
        // Runs of five short schools among roomy ones: the overflow gathers in separate regions.
        isShort ??= s => (s / 5) % 3 == 1;
        var units = new List<DecisionUnit>();
        for (var a = 0; a < schools * areasPerSchool; a++)
        {
            var x = random.Next(schools * 1_000);
            var items = Enumerable.Range(1, 6).Select(g => new DemandItem(g, random.NextDouble() < 0.5 ? x / 1_000 : -1, random.Next(1, 5))).ToList();
            var candidates = Enumerable.Range(0, schools)
                .OrderBy(s => Math.Abs((s * 1_000) + 500 - x)).Take(4)
                .Select(s => new Candidate(s, Math.Abs((s * 1_000) + 500 - x) + 100, s == x / 1_000))
                .ToList();
            units.Add(new DecisionUnit(a, SchoolPart.Primary, items, candidates));
        }

        var problem = new AssignmentProblem(schools, units, moveCost: 500, changeCost: 50, overflowCost: 10_000_000);
        for (var s = 0; s < schools; s++)
        {
            var perGrade = areasPerSchool * 2.5 * (isShort(s) ? seatsPerPupil : 1.3);
            problem.TotalCapacity[s] = (long)(perGrade * 6 * (0.9 + (0.2 * random.NextDouble())));
            for (var grade = 1; grade <= 6; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = (long)(perGrade * (0.8 + (0.4 * random.NextDouble())));
            }
        }

        return problem;
    }

    private static (AssignmentProblem, CandidateTable, int[]) Small(Random random)
    {
        var problem = WholeAreaSolverTests.RandomProblem(random);
        var table = CandidateTable.Build(problem);
        return (problem, table, RandomChoice(random, table));
    }

    private static int[] RandomChoice(Random random, CandidateTable table) =>
        [.. Enumerable.Range(0, table.Units).Select(u => random.Next(table.Count(u)))];

    private static long Price(AssignmentProblem problem, CandidateTable table, int u, int k, bool[] slot, bool[] school)
    {
        var s = table.School[k];
        var price = school[s] ? table.Pupils[u] : 0;
        for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
        {
            price += slot[AssignmentProblem.Slot(s, table.Grade[j])] ? table.GradePupils[j] : 0;
        }

        return price;
    }

    private static long Lagrangian(AssignmentProblem problem, CandidateTable table, bool[] slot, bool[] school) =>
        Enumerable.Range(0, table.Units).Sum(u => Enumerable.Range(table.First[u], table.Count(u)).Min(k => Price(problem, table, u, k, slot, school)))
        - Enumerable.Range(0, slot.Length).Where(g => slot[g]).Sum(g => problem.GradeCapacity[g])
        - Enumerable.Range(0, school.Length).Where(s => school[s]).Sum(s => problem.TotalCapacity[s]);

    private static long ItemLagrangian(AssignmentProblem problem, bool[] slot, bool[] school) =>
        problem.Units.Sum(unit => unit.Items.Sum(item => unit.Candidates.Min(c =>
            item.Count * ((slot[AssignmentProblem.Slot(c.School, item.Grade)] ? 1L : 0) + (school[c.School] ? 1L : 0)))))
        - Enumerable.Range(0, slot.Length).Where(g => slot[g]).Sum(g => problem.GradeCapacity[g])
        - Enumerable.Range(0, school.Length).Where(s => school[s]).Sum(s => problem.TotalCapacity[s]);

    private static long OverPriced(AssignmentProblem problem, CandidateTable table, int[] choice, bool[] slot, bool[] school)
    {
        var (grade, total) = table.Loads(problem, choice);
        return Enumerable.Range(0, slot.Length).Where(g => slot[g]).Sum(g => AssignmentProblem.Over(grade[g], problem.GradeCapacity[g]))
            + Enumerable.Range(0, school.Length).Where(s => school[s]).Sum(s => AssignmentProblem.Over(total[s], problem.TotalCapacity[s]));
    }
}
