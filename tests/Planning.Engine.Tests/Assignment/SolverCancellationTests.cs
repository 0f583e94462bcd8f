using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assignment;

/// <summary>A run cancelled while CP-SAT searches ends the solve and leaves the process alive (OR-Tools aborts the process on some stops).</summary>
public class SolverCancellationTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(400)]
    [InlineData(1500)]
    public async Task Solve_CancelledMidSearch_StopsWithCancellation(int afterMilliseconds)
    {
        var problem = LargeProblem(new Random(afterMilliseconds));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMilliseconds));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Task.Run(() => AssignmentSolver.Solve(problem, allowSplitting: false, SolverOptions.Default, cancel.Token)));

        Assert.True(cancel.IsCancellationRequested);
    }

    /// <summary>One connected district of 1,500 areas and 40 schools, tight enough that CP-SAT is still searching after seconds.</summary>
    private static AssignmentProblem LargeProblem(Random random)
    {
        const int schools = 40;
        var units = new List<DecisionUnit>();
        for (var a = 0; a < 1_500; a++)
        {
            var items = Enumerable.Range(1, 6).Select(grade => new DemandItem(grade, random.Next(schools), random.Next(1, 12))).ToList();
            var home = a % schools;
            var candidates = Enumerable.Range(0, 6)
                .Select(k => (home + k * 7) % schools)
                .Distinct()
                .Select(s => new Candidate(s, random.Next(200, 6000), random.NextDouble() < 0.3))
                .OrderBy(c => c.DistanceMetres)
                .ToList();
            units.Add(new DecisionUnit(a, SchoolPart.Primary, items, candidates));
        }

        var problem = new AssignmentProblem(schools, units, moveCost: 500, changeCost: 50, overflowCost: 10_000_000, underFillCost: 0);
        var demand = units.Sum(u => u.Pupils);
        for (var s = 0; s < schools; s++)
        {
            problem.TotalCapacity[s] = demand / schools;
            for (var grade = 1; grade <= 9; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = demand / schools / 6;
            }
        }

        return problem;
    }
}
