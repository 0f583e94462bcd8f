using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Planning.Engine.Assignment;

/// <summary>
/// The LP relaxation of the whole-area model, solved with GLOP: x<sub>u,c</sub> ∈ [0, 1] with
/// Σ<sub>c</sub> x<sub>u,c</sub> = 1 (a unit may be shared, but all its grades in the same
/// proportions), Σ pupils × x − over ≤ seats per grade and school, Σ pupils × x + under ≥ target per
/// school with a fill target; minimise Σ cost × x + overflow cost × Σ over + under-fill cost × Σ under.
/// It is much tighter than the split flow, where each grade splits on its own.
/// <para>
/// The bound reported is not GLOP's objective but the Lagrangian value of its duals, computed here
/// exactly: for any prices λ ∈ [0, overflow cost] on the capacities and μ ∈ [0, under-fill cost]
/// on the targets, L(λ, μ) = Σ<sub>u</sub> min<sub>c</sub> (cost<sub>u,c</sub> + Σ<sub>g</sub>
/// λ<sub>s,g</sub> n<sub>u,g</sub> + (λ<sub>s</sub> − μ<sub>s</sub>) n<sub>u</sub>) − Σ λ × seats
/// + Σ μ × target is a lower bound on every whole-area assignment; at GLOP's optimal duals it is the
/// LP optimum. So the bound stays valid whatever GLOP's tolerances or iteration limit did.
/// </para>
/// </summary>
internal static class WholeAreaLp
{
    /// <summary>The bound and, when GLOP reached the optimum, the LP's share of each candidate (same index as the table's).</summary>
    public sealed record Result(long Bound, double[]? Shares, string Status);

    public static Result Solve(AssignmentProblem problem, CandidateTable table, long iterationLimit)
    {
        var (value, _, shares, status) = Solved(problem, table, iterationLimit);
        return new Result(value is { } v ? (long)Math.Floor(v) : long.MinValue, shares, status);
    }

    /// <summary>
    /// A lower bound on the pupils over a limit in every whole-area assignment of
    /// <paramref name="problem"/>: this LP's Lagrangian value with every cost but the overflow's set to 0
    /// (1 a pupil over), rounded up since pupils come whole, plus the pupils of units without candidates
    /// (those alone when GLOP fails). A general solver's bound on the overflow goal (W × pupils over + units moved)
    /// can stop one pupil below it: the moves may take up to W − 1 of that bound (BENCHMARKS.md).
    /// </summary>
    public static long LeastOverflow(AssignmentProblem problem, long iterationLimit)
    {
        var placed = problem.Units
            .Where(u => u.Candidates.Count > 0)
            .Select(u => u with { Candidates = [.. u.Candidates.Select(c => new Candidate(c.School, 0, IsCurrentCatchment: true))] })
            .ToList();
        var overflowOnly = problem.With(placed, moveCost: 0, changeCost: 0, overflowCost: 1, underFillCost: 0);
        var (value, size, _, _) = Solved(overflowOnly, CandidateTable.Build(overflowOnly), iterationLimit);
        // Summed in doubles: the error stays below (terms × 1.2e-16) × Σ |term|, far below 1e-9 × Σ |term|
        // for any part the LP takes, so a value that is a whole number is not rounded up past it.
        return problem.PupilsWithoutCandidates() + (value is { } v ? Math.Max(0, (long)Math.Ceiling(v - 1e-6 - (1e-9 * size))) : 0);
    }

    /// <summary>
    /// The Lagrangian value of GLOP's duals (null when it failed), the sum of its terms' sizes and,
    /// when GLOP reached the optimum, its shares.
    /// </summary>
    private static (double? Value, double Size, double[]? Shares, string Status) Solved(AssignmentProblem problem, CandidateTable table, long iterationLimit)
    {
        var lap = PhaseClock.Start("LP build");
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        solver.SetSolverSpecificParametersAsString(string.Create(CultureInfo.InvariantCulture, $"max_number_of_iterations:{iterationLimit}"));
        var (x, gradeRows, schoolRows, fillRows) = Build(solver, problem, table, integer: false);
        lap.Dispose();
        lap = PhaseClock.Start("LP solve");
        var status = solver.Solve();
        lap.Dispose();
        using var bounding = PhaseClock.Start("LP bound (duals, Lagrangian)");
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE or Solver.ResultStatus.NOT_SOLVED or Solver.ResultStatus.ABNORMAL))
        {
            return (null, 0, null, status.ToString());
        }

        var slotPrice = Prices(gradeRows, -1, problem.OverflowCost);
        var schoolPrice = Prices(schoolRows, -1, problem.OverflowCost);
        var fillPrice = Prices(fillRows, +1, problem.UnderFillCost);
        var value = Lagrangian(problem, table, slotPrice, schoolPrice, fillPrice, out var size);
        var shares = status == Solver.ResultStatus.OPTIMAL ? x.Select(v => v!.SolutionValue()).ToArray() : null;
        return (value, size, shares, status.ToString());
    }

    /// <summary>
    /// The model of the class summary in <paramref name="solver"/>, x binary when
    /// <paramref name="integer"/>: its variables (same index as the table's candidates) and its
    /// grade, school and fill-target rows (null where a row cannot bind). With
    /// <paramref name="overflowOnly"/> the objective is instead W × overflow pupils + units away from
    /// <paramref name="start"/>, W = units + 1 (as CP-SAT's <see cref="CpSatSearch.Goal.Overflow"/>),
    /// without fill targets. With <paramref name="free"/> only those units get variables (the others'
    /// are null): every other unit stays at its <paramref name="start"/> and takes its seats (and
    /// counts towards its school's fill target) first, and W = free units + 1.
    /// </summary>
    internal static (Variable?[] X, Constraint?[] GradeRows, Constraint?[] SchoolRows, Constraint?[] FillRows) Build(
        Solver solver, AssignmentProblem problem, CandidateTable table, bool integer, int[]? start = null, bool overflowOnly = false, IReadOnlyList<int>? free = null)
    {
        if ((free is not null || overflowOnly) && start is null)
        {
            throw new ArgumentException("The overflow goal, and a model over some units, need a start.", nameof(start));
        }

        var isFree = new bool[table.Units];
        foreach (var u in free ?? Enumerable.Range(0, table.Units))
        {
            isFree[u] = true;
        }

        var overflowCost = overflowOnly ? (free?.Count ?? table.Units) + 1L : problem.OverflowCost;
        var (gradeSeats, schoolSeats, fillLeft) = start is null
            ? (problem.GradeCapacity, problem.TotalCapacity, problem.FillTarget)
            : table.SeatsLeft(problem, start, isFree);
        var objective = solver.Objective();
        objective.SetMinimization();
        var x = new Variable?[table.School.Length];
        var gradeRows = new Constraint?[problem.GradeCapacity.Length];
        var schoolRows = new Constraint?[problem.SchoolCount];
        var fillRows = new Constraint?[problem.SchoolCount];
        var (gradeMost, schoolMost) = MostLoads(problem, table, isFree);
        for (var u = 0; u < table.Units; u++)
        {
            if (!isFree[u])
            {
                continue;
            }

            var one = solver.MakeConstraint(1, 1, string.Empty);
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                var school = table.School[k];
                x[k] = integer ? solver.MakeBoolVar(string.Empty) : solver.MakeNumVar(0, 1, string.Empty);
                one.SetCoefficient(x[k], 1);
                objective.SetCoefficient(x[k], !overflowOnly ? table.Cost[k] : k == table.First[u] + start![u] ? 0 : 1);
                for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
                {
                    var slot = AssignmentProblem.Slot(school, table.Grade[j]);
                    if (gradeMost[slot] > gradeSeats[slot])
                    {
                        Row(solver, objective, gradeRows, slot, gradeSeats[slot], overflowCost).SetCoefficient(x[k], table.GradePupils[j]);
                    }
                }

                if (schoolMost[school] > schoolSeats[school])
                {
                    Row(solver, objective, schoolRows, school, schoolSeats[school], overflowCost).SetCoefficient(x[k], table.Pupils[u]);
                }

                if (!overflowOnly && problem.UnderFillCost > 0 && fillLeft[school] > 0)
                {
                    FillRow(solver, objective, fillRows, school, fillLeft[school], problem.UnderFillCost).SetCoefficient(x[k], table.Pupils[u]);
                }
            }
        }

        return (x, gradeRows, schoolRows, fillRows);
    }

    /// <summary>L(λ, μ) of the class summary, and Σ |term| of its sum (<paramref name="size"/>).</summary>
    private static double Lagrangian(AssignmentProblem problem, CandidateTable table, double[] slotPrice, double[] schoolPrice, double[] fillPrice, out double size)
    {
        double value = 0;
        size = 0;
        for (var u = 0; u < table.Units; u++)
        {
            var cheapest = double.MaxValue;
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                var school = table.School[k];
                var priced = table.Cost[k] + (schoolPrice[school] - fillPrice[school]) * table.Pupils[u];
                for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
                {
                    priced += slotPrice[AssignmentProblem.Slot(school, table.Grade[j])] * table.GradePupils[j];
                }

                cheapest = Math.Min(cheapest, priced);
            }

            value += cheapest;
            size += Math.Abs(cheapest);
        }

        for (var slot = 0; slot < slotPrice.Length; slot++)
        {
            value -= slotPrice[slot] * problem.GradeCapacity[slot];
            size += Math.Abs(slotPrice[slot] * problem.GradeCapacity[slot]);
        }

        for (var s = 0; s < schoolPrice.Length; s++)
        {
            value += fillPrice[s] * problem.FillTarget[s] - schoolPrice[s] * problem.TotalCapacity[s];
            size += Math.Abs(fillPrice[s] * problem.FillTarget[s]) + Math.Abs(schoolPrice[s] * problem.TotalCapacity[s]);
        }

        return value;
    }

    /// <summary>Most pupils each slot and school could receive from the free units: where even that fits, the row cannot bind and is left out.</summary>
    private static (long[] Grade, long[] School) MostLoads(AssignmentProblem problem, CandidateTable table, bool[] isFree)
    {
        var grade = new long[problem.GradeCapacity.Length];
        var school = new long[problem.SchoolCount];
        for (var u = 0; u < table.Units; u++)
        {
            if (!isFree[u])
            {
                continue;
            }

            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                school[table.School[k]] += table.Pupils[u];
                for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
                {
                    grade[AssignmentProblem.Slot(table.School[k], table.Grade[j])] += table.GradePupils[j];
                }
            }
        }

        return (grade, school);
    }

    /// <summary>load − over ≤ seats, with over priced in the objective; made once per key.</summary>
    internal static Constraint Row(Solver solver, Objective objective, Constraint?[] rows, int key, long seats, long overflowCost)
    {
        if (rows[key] is { } row)
        {
            return row;
        }

        row = solver.MakeConstraint(double.NegativeInfinity, seats, string.Empty);
        var over = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
        row.SetCoefficient(over, -1);
        objective.SetCoefficient(over, overflowCost);
        rows[key] = row;
        return row;
    }

    /// <summary>load + under ≥ target, with under priced in the objective.</summary>
    private static Constraint FillRow(Solver solver, Objective objective, Constraint?[] rows, int key, long target, long underFillCost)
    {
        if (rows[key] is { } row)
        {
            return row;
        }

        row = solver.MakeConstraint(target, double.PositiveInfinity, string.Empty);
        var under = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
        row.SetCoefficient(under, 1);
        objective.SetCoefficient(under, underFillCost);
        rows[key] = row;
        return row;
    }

    /// <summary>The rows' duals turned into prices of the right sign, kept within [0, cap] so that the Lagrangian stays a bound.</summary>
    private static double[] Prices(Constraint?[] rows, int sign, long cap) =>
        rows.Select(row => row is null ? 0 : Math.Clamp(sign * row.DualValue(), 0, cap)).ToArray();
}
