using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assignment;

/// <summary>The clock is global: these tests run alone, so that no other test's solve adds to it.</summary>
[CollectionDefinition(nameof(PhaseClockTests), DisableParallelization = true)]
public class PhaseClockCollection;

[Collection(nameof(PhaseClockTests))]
public class PhaseClockTests
{
    [Fact]
    public void Take_AfterASolveWithAClock_NamesTheSolversPhasesAndStartsAgain()
    {
        long ticks = 0;
        PhaseClock.Source = () => TimeSpan.FromTicks(Interlocked.Increment(ref ticks));
        try
        {
            PhaseClock.Take();
            AssignmentSolver.Solve(Problem(), allowSplitting: false, SolverOptions.Default, CancellationToken.None);
            var phases = PhaseClock.Take();
            var again = PhaseClock.Take();

            Assert.Contains("min-cost flow solve", phases.Keys);
            Assert.Contains("candidate table", phases.Keys);
            Assert.Contains("result assembly", phases.Keys);
            Assert.All(phases.Values, seconds => Assert.True(seconds > 0));
            Assert.Empty(again);
        }
        finally
        {
            PhaseClock.Source = null;
        }
    }

    [Fact]
    public void Take_AfterASolveWithoutAClock_IsEmpty()
    {
        PhaseClock.Take();

        AssignmentSolver.Solve(Problem(), allowSplitting: false, SolverOptions.Default, CancellationToken.None);

        Assert.Empty(PhaseClock.Take());
    }

    private static AssignmentProblem Problem()
    {
        var units = new List<DecisionUnit>
        {
            new(0, SchoolPart.Primary, [new DemandItem(1, -1, 30)], [new Candidate(0, 500, true), new Candidate(1, 900, false)]),
            new(1, SchoolPart.Primary, [new DemandItem(1, -1, 30)], [new Candidate(0, 700, false), new Candidate(1, 600, true)]),
        };
        var problem = new AssignmentProblem(2, units, 0, 0, 10_000_000);
        for (var s = 0; s < 2; s++)
        {
            problem.TotalCapacity[s] = 2000;
            problem.GradeCapacity[AssignmentProblem.Slot(s, 1)] = 45;
        }

        return problem;
    }
}
