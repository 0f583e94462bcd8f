using Planning.Engine.Assignment;
using Planning.Engine.Rules;
using static Planning.Engine.Tests.Assignment.LocalSearchSkipTests;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// The flows and the local search lay units out in memory by their nearest candidate's school
/// (<see cref="AssignmentProblem.NearOrder"/>), for speed. The local search must give the answer
/// the caller's numbering gives, to the unit and the work done; the flow's pupils must still be
/// read back to the right unit.
/// </summary>
public class NearOrderTests
{
    private const long Overflow = 10_000_000;

    public static TheoryData<int, double> Budgets()
    {
        var data = new TheoryData<int, double>();
        foreach (var seed in Enumerable.Range(1, 6))
        {
            foreach (var share in new[] { 0.5, 0.95, 1 })
            {
                data.Add(seed, share);
            }
        }

        return data;
    }

    [Fact]
    public void NearOrder_ByTheNearestCandidatesPlaceInTheSchoolWalkThenByIndex_UnitsWithoutCandidatesFirst()
    {
        // Nearest schools 3, 1, none, 1, 0, 3; every unit's other candidate is school 2, and school 4 is
        // nobody's. The walk: 0, then 2 (0's neighbour), then 3 and 1 (2's, in unit order), then 4.
        var units = new[] { 3, 1, -1, 1, 0, 3 }.Select((nearest, a) => new DecisionUnit(
            a, SchoolPart.Primary, [new DemandItem(1, -1, 5)], nearest < 0 ? [] : [new Candidate(nearest, 100, false), new Candidate(2, 900, false)])).ToList();
        var problem = new AssignmentProblem(5, units, 0, 0, Overflow);

        Assert.Equal([0, 3, 1, 2, 4], problem.SchoolWalk);
        Assert.Equal([2, 4, 0, 5, 1, 3], problem.NearOrder);
    }

    [Fact]
    public void Reordered_UnitIIsTheGivenOrdersUnit()
    {
        var (problem, table, _) = Line(new Random(3), areas: 300);
        var order = problem.NearOrder;

        var reordered = table.Reordered(order);

        Assert.Equal(table.Units, reordered.Units);
        for (var i = 0; i < order.Count; i++)
        {
            var u = order[i];
            Assert.Equal(table.Pupils[u], reordered.Pupils[i]);
            Assert.Equal(Slice(table.School, table.First, u), Slice(reordered.School, reordered.First, i));
            Assert.Equal(Slice(table.Cost, table.First, u), Slice(reordered.Cost, reordered.First, i));
            Assert.Equal(Slice(table.Grade, table.GradeFirst, u), Slice(reordered.Grade, reordered.GradeFirst, i));
            Assert.Equal(Slice(table.GradePupils, table.GradeFirst, u), Slice(reordered.GradePupils, reordered.GradeFirst, i));
        }
    }

    [Fact]
    public void Reordered_AnOrderOfAnotherLength_Refused()
    {
        var (problem, table, _) = Line(new Random(4), areas: 50);

        var error = Assert.Throws<ArgumentException>(() => table.Reordered([.. problem.NearOrder.Skip(1)]));

        Assert.Contains("49 units for a table of 50", error.Message);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Run_UnitsInNearOrderInMemory_SameAnswerAndWorkAsInTheCallersOrder(int seed, double share)
    {
        var random = new Random(seed);
        var (problem, table, start) = Line(random);
        Assert.NotEqual(Enumerable.Range(0, table.Units), problem.NearOrder);
        var reference = LocalSearch.For(problem, table, nearLayout: false);
        var finished = reference.Run(start, passes: 1_000, long.MaxValue, CancellationToken.None);
        var work = share == 1 ? long.MaxValue : (long)(share * reference.WorkDone);

        var callers = LocalSearch.For(problem, table, nearLayout: false);
        var near = LocalSearch.For(problem, table);
        var answer = near.Run(start, passes: 1_000, work, CancellationToken.None);

        Assert.Equal(callers.Run(start, passes: 1_000, work, CancellationToken.None), answer);
        Assert.Equal(callers.WorkDone, near.WorkDone);
        Assert.NotEqual(start, answer);

        // Again from a changed start, as the solver runs a search after CP-SAT: each keeps what its
        // first run learned about units not worth looking at again.
        var changed = (int[])finished.Clone();
        for (var u = 0; u < changed.Length; u++)
        {
            changed[u] = random.NextDouble() < 0.05 ? random.Next(table.Count(u)) : changed[u];
        }

        Assert.Equal(callers.Run(changed, passes: 1_000, work, CancellationToken.None), near.Run(changed, passes: 1_000, work, CancellationToken.None));
        Assert.Equal(callers.WorkDone, near.WorkDone);
        Assert.True(near.Skipped > 0, "no look was skipped: the test would not see the skipping read the wrong unit");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SolveAt_UnitsNotInNearOrder_EachUnitsPupilsReadBackAtItsCandidatesAndTheCostAddsUp(int seed)
    {
        var (problem, _, _) = Line(new Random(seed), areas: 600);
        Assert.NotEqual(Enumerable.Range(0, problem.Units.Count), problem.NearOrder);
        for (var slot = 0; slot < problem.GradeCapacity.Length / 5; slot++)
        {
            // A quarter of the seats at the first fifth of the schools: pupils there overflow even when
            // areas may split, and how many depends on where each area may go.
            problem.GradeCapacity[slot] /= 4;
        }

        var (result, overflow) = FlowRelaxation.SolveAt(problem, Overflow);

        long cost = 0;
        for (var u = 0; u < problem.Units.Count; u++)
        {
            var unit = problem.Units[u];
            for (var i = 0; i < unit.Items.Count; i++)
            {
                var flows = Enumerable.Range(0, unit.Candidates.Count).Select(c => result.Flows[result.ItemFirst[u] + (i * unit.Candidates.Count) + c]).ToList();
                Assert.Equal(unit.Items[i].Count, flows.Sum());
                cost += flows.Select((flow, c) => flow * problem.PupilCost(unit.Items[i], unit.Candidates[c])).Sum();
            }
        }

        var (grade, school) = result.Loads(problem);
        var over = grade.Select((load, slot) => AssignmentProblem.Over(load, problem.GradeCapacity[slot])).Sum()
            + school.Select((load, s) => AssignmentProblem.Over(load, problem.TotalCapacity[s])).Sum();
        Assert.True(over > 0, "no overflow: the test would not see the overflow read back at the wrong slot");
        Assert.Equal(overflow, over);
        Assert.Equal(result.Cost, cost + (Overflow * over));

        // Without school size limits in reach, the least overflow is the seat max flow's (built in the
        // same order): a unit's candidates taken for another's there would change it.
        Assert.All(school.Select((load, s) => (load, s)), x => Assert.True(x.load <= problem.TotalCapacity[x.s]));
        Assert.Equal(FlowRelaxation.Least(problem, FlowRelaxation.MostSeated(problem)), over);
    }

    private static T[] Slice<T>(T[] values, int[] first, int u) => values[first[u]..first[u + 1]];
}
