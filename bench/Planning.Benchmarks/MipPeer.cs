using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Planning.Engine.Assignment;

namespace Planning.Benchmarks;

/// <summary>
/// The same whole-area model as the engine's, given to a general MIP solver (SCIP, bundled with
/// OR-Tools): x binary per area-level and candidate, Σ x = 1, over ≥ load − seats per grade and
/// school, under ≥ target − load, minimise cost × x + overflow cost × over + under-fill cost × under.
/// A peer measurement only, under a wall-clock limit: never part of a plan.
/// </summary>
internal static class MipPeer
{
    /// <summary>The MIP's best objective and proven bound, whether it proved optimality, and its seconds.</summary>
    public sealed record Result(double Objective, double Bound, bool Optimal, double Seconds);

    public static Result Solve(AssignmentProblem problem, double seconds)
    {
        var clock = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available");
        solver.SetTimeLimit((long)(seconds * 1000));
        solver.SetNumThreads(1);
        var objective = solver.Objective();
        objective.SetMinimization();
        var gradeRows = new Constraint?[problem.GradeCapacity.Length];
        var schoolRows = new Constraint?[problem.SchoolCount];
        double constant = 0;
        foreach (var unit in problem.Units)
        {
            if (unit.Candidates.Count == 0)
            {
                constant += (double)unit.Pupils * problem.OverflowCost;
                continue;
            }

            var one = solver.MakeConstraint(1, 1, string.Empty);
            foreach (var candidate in unit.Candidates)
            {
                var x = solver.MakeBoolVar(string.Empty);
                one.SetCoefficient(x, 1);
                objective.SetCoefficient(x, problem.UnitCost(unit, candidate));
                foreach (var group in unit.Items.GroupBy(i => i.Grade))
                {
                    var slot = AssignmentProblem.Slot(candidate.School, group.Key);
                    WholeAreaLp.Row(solver, objective, gradeRows, slot, problem.GradeCapacity[slot], problem.OverflowCost).SetCoefficient(x, group.Sum(i => i.Count));
                }

                WholeAreaLp.Row(solver, objective, schoolRows, candidate.School, problem.TotalCapacity[candidate.School], problem.OverflowCost).SetCoefficient(x, unit.Pupils);
            }
        }

        if (problem.UnderFillCost > 0 && problem.FillTarget.Any(t => t > 0))
        {
            throw new NotSupportedException("the benchmarks set no fill targets");
        }

        var status = solver.Solve();
        var found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        return new Result(
            found ? constant + objective.Value() : double.NaN,
            constant + objective.BestBound(),
            status == Solver.ResultStatus.OPTIMAL,
            clock.Elapsed.TotalSeconds);
    }
}
