using Planning.Engine.Assessment;
using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assignment;

/// <summary>Random small instances checked against brute force over every whole-area assignment.</summary>
public class WholeAreaSolverTests
{
    private const long Overflow = 10_000_000;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomInstance_MatchesBruteForceOptimumAndBound(int seed)
    {
        var problem = RandomProblem(new Random(seed));

        var solution = AssignmentSolver.Solve(problem, allowSplitting: false, SolverOptions.Default with { RelativeGap = 0 }, CancellationToken.None);

        var (best, feasible) = BruteForce(problem);
        Assert.Equal(best, solution.Stats.Objective);
        Assert.True(solution.Stats.LowerBound <= best);
        var loads = Loads(problem, solution);
        if (feasible)
        {
            Assert.All(loads.Grade.Select((load, slot) => (load, slot)), x => Assert.True(x.load <= Math.Max(0, problem.GradeCapacity[x.slot])));
            Assert.All(loads.Total.Select((load, s) => (load, s)), x => Assert.True(x.load <= problem.TotalCapacity[x.s]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomInstance_KeepsEveryAreaWhole(int seed)
    {
        var problem = RandomProblem(new Random(seed));

        var solution = AssignmentSolver.Solve(problem, allowSplitting: false, SolverOptions.Default, CancellationToken.None);

        Assert.All(solution.PerUnit, unit => Assert.Single(unit.Select(a => a.School).Distinct()));
        Assert.All(solution.PerUnit.Zip(problem.Units), p => Assert.Equal(p.Second.Pupils, p.First.Sum(a => a.Count)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_SplittingAllowed_CostsExactlyTheBound(int seed)
    {
        var problem = RandomProblem(new Random(seed));

        var split = AssignmentSolver.Solve(problem, allowSplitting: true, SolverOptions.Default, CancellationToken.None);
        var whole = AssignmentSolver.Solve(problem, allowSplitting: false, SolverOptions.Default, CancellationToken.None);

        Assert.Equal(split.Stats.LowerBound, split.Stats.Objective);
        Assert.Equal(split.Stats.LowerBound, whole.Stats.SplitFlowBound);
        Assert.True(whole.Stats.LowerBound >= whole.Stats.SplitFlowBound);
        Assert.True(whole.Stats.Objective >= split.Stats.Objective);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_FewAreasReDecided_StaysWholeAndAboveBound(int seed)
    {
        // The large-instance path: only split or crowded areas go to CP-SAT.
        var problem = RandomProblem(new Random(seed));

        var solution = AssignmentSolver.Solve(
            problem, allowSplitting: false, SolverOptions.Default with { MaxFreeAreas = 2, MaxOverflowAreas = 2 }, CancellationToken.None);

        Assert.True(solution.Stats.AreasReDecided <= 2);
        Assert.True(solution.Stats.Objective >= solution.Stats.LowerBound);
        Assert.All(solution.PerUnit, unit => Assert.Single(unit.Select(a => a.School).Distinct()));
        Assert.Equal(solution.Stats.Objective, WholeAreaCost.Evaluate(problem, Choice(problem, solution)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LocalSearch_AnyStart_NeverRaisesCost(int seed)
    {
        var random = new Random(seed);
        var problem = RandomProblem(random);
        var start = problem.Units.Select(u => random.Next(u.Candidates.Count)).ToArray();

        var improved = LocalSearch.Improve(problem, CandidateTable.Build(problem), start, 100, 1_000_000, CancellationToken.None);

        Assert.True(WholeAreaCost.Evaluate(problem, improved) <= WholeAreaCost.Evaluate(problem, start));
        Assert.All(improved.Zip(problem.Units), p => Assert.InRange(p.First, 0, p.Second.Candidates.Count - 1));
    }

    [Fact]
    public void LocalSearch_TwoAreasOnWrongSchools_SwapsThem()
    {
        // Each school has 30 seats; the 30-pupil areas start at each other's school, overflowing neither,
        // but 5,000 m away: only a swap (not a single move, which would overflow) fixes it.
        var units = new List<DecisionUnit>
        {
            new(0, Engine.Rules.SchoolPart.Primary, [new DemandItem(1, -1, 30)], [new Candidate(0, 100, false), new Candidate(1, 5000, false)]),
            new(1, Engine.Rules.SchoolPart.Primary, [new DemandItem(1, -1, 30)], [new Candidate(1, 100, false), new Candidate(0, 5000, false)]),
        };
        var problem = new AssignmentProblem(2, units, 0, 0, Overflow);
        problem.GradeCapacity[AssignmentProblem.Slot(0, 1)] = problem.GradeCapacity[AssignmentProblem.Slot(1, 1)] = 30;
        problem.TotalCapacity[0] = problem.TotalCapacity[1] = 30;

        var improved = LocalSearch.Improve(problem, CandidateTable.Build(problem), [1, 1], 100, 1_000_000, CancellationToken.None);

        Assert.Equal([0, 0], improved);
    }

    internal static int[] Choice(AssignmentProblem problem, AssignmentSolution solution) =>
        problem.Units.Select((unit, u) => unit.Candidates.ToList().FindIndex(c => c.School == solution.PerUnit[u][0].School)).ToArray();

    internal static AssignmentProblem RandomProblem(Random random, long underFillCost = 0)
    {
        var schools = random.Next(2, 4);
        var units = new List<DecisionUnit>();
        for (var a = 0; a < random.Next(3, 7); a++)
        {
            var items = new List<DemandItem>();
            foreach (var grade in Enumerable.Range(1, 3).Where(_ => random.NextDouble() < 0.7).DefaultIfEmpty(1))
            {
                items.Add(new DemandItem(grade, random.NextDouble() < 0.3 ? random.Next(schools) : -1, random.Next(1, 40)));
            }

            var candidates = Enumerable.Range(0, schools)
                .Where(_ => random.NextDouble() < 0.85)
                .Select(s => new Candidate(s, random.Next(100, 5000), random.NextDouble() < 0.3))
                .DefaultIfEmpty(new Candidate(0, 1000, false))
                .OrderBy(c => c.DistanceMetres)
                .ToList();
            units.Add(new DecisionUnit(a, SchoolPart.Primary, items, candidates));
        }

        var problem = new AssignmentProblem(schools, units, moveCost: 500, changeCost: 50, Overflow, underFillCost);
        var demand = units.Sum(u => u.Pupils);
        for (var s = 0; s < schools; s++)
        {
            problem.FillTarget[s] = underFillCost > 0 && random.NextDouble() < 0.5 ? random.Next(demand / schools) : 0;
            problem.TotalCapacity[s] = random.Next(demand / schools / 2, demand);
            for (var grade = 1; grade <= 9; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = random.Next(0, 60);
            }
        }

        return problem;
    }

    /// <summary>The cheapest whole-area cost, and whether some assignment has no overflow at all.</summary>
    internal static (long Best, bool Feasible) BruteForce(AssignmentProblem problem)
    {
        var choice = new int[problem.Units.Count];
        var best = long.MaxValue;
        var feasible = false;
        while (true)
        {
            var cost = WholeAreaCost.Evaluate(problem, choice);
            best = Math.Min(best, cost);
            feasible |= cost < Overflow;
            var u = 0;
            while (u < choice.Length && ++choice[u] == problem.Units[u].Candidates.Count)
            {
                choice[u++] = 0;
            }

            if (u == choice.Length)
            {
                return (best, feasible);
            }
        }
    }

    private static (long[] Grade, long[] Total) Loads(AssignmentProblem problem, AssignmentSolution solution)
    {
        var grade = new long[problem.GradeCapacity.Length];
        var total = new long[problem.SchoolCount];
        for (var u = 0; u < problem.Units.Count; u++)
        {
            foreach (var allocation in solution.PerUnit[u])
            {
                grade[AssignmentProblem.Slot(allocation.School, problem.Units[u].Items[allocation.Item].Grade)] += allocation.Count;
                total[allocation.School] += allocation.Count;
            }
        }

        return (grade, total);
    }
}
