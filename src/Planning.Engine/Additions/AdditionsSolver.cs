using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>
/// The least-cost additions (<see cref="AdditionsProblem"/>) by mixed-integer programming (SCIP
/// through OR-Tools) with coefficient cuts:
/// <list type="bullet">
/// <item>y[p,k] ≥ 0 whole units of resource k added to part p; m[p,k] binary, "p meets k".</item>
/// <item>6 of 7: Aₚₖ + y ≥ Rₚₖ·m + 0.85·Rₚₖ·(1 − m) with Rₚₖ = threshold × pupils / per, and Σₖ m ≥ 6
/// (m for the backbone indicator fixed to 1 when every part must meet it).</item>
/// <item>Budgets: Σₚ y[p,k] ≤ Bₖ.</item>
/// <item>Coefficients: S / X̄ ≤ c is, with weights wᵢ = Pᵢ/N, √(Σ wᵢXᵢ²) ≤ √(1 + c²)·X̄ (because
/// S² = Σ wᵢXᵢ² − X̄²): a second-order cone, convex, with zᵢ = √wᵢ·Xᵢ and X̄ both linear in y. It is
/// linearised soundly by outer approximation: at any point z⁰ the tangent cut (z⁰/‖z⁰‖)·z ≤
/// √(1 + c²)·X̄ holds for every point that meets the ceiling (Cauchy–Schwarz: (z⁰/‖z⁰‖)·z ≤ ‖z‖), so
/// the model with cuts is a relaxation and its bound a valid lower bound. Each round solves the
/// model, checks the plan with the assessment's own rules (<see cref="PlanCheck"/>) and adds a cut
/// at every coefficient still over its ceiling; a plan that passes the check and is optimal for a
/// relaxation is optimal.</item>
/// </list>
/// When no plan fits the budgets, the budgets get slack: first the least relative excess
/// Σₖ excessₖ / max(1, Bₖ), then the least cost at that excess.
/// </summary>
public static class AdditionsSolver
{
    private const int MaxRounds = 200;

    /// <summary>Solves <paramref name="problem"/> within <paramref name="timeLimitSeconds"/>.</summary>
    public static AdditionsPlan Solve(AdditionsProblem problem, double timeLimitSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Costs.Problems() is [var costProblem, ..])
        {
            throw new ArgumentException(costProblem, nameof(problem));
        }

        var clock = Stopwatch.StartNew();
        var cuts = new List<Cut>();
        var within = Search(problem, Phase.WithinBudget, cuts, null, clock, timeLimitSeconds);
        if (within is not null)
        {
            return Plan(problem, within, within.TimedOut ? PlanStatus.Feasible : PlanStatus.Optimal, cuts.Count);
        }

        var least = Search(problem, Phase.LeastExcess, cuts, null, clock, timeLimitSeconds);
        if (least is null)
        {
            return new AdditionsPlan(PlanStatus.NoPlan, [], 0, 0, new double[Indicators.All.Count], new double[Indicators.All.Count], cuts.Count);
        }

        var cheapest = Search(problem, Phase.CheapestAtExcess, cuts, least.Objective, clock, timeLimitSeconds) ?? least;
        return Plan(problem, cheapest, PlanStatus.OverBudget, cuts.Count);
    }

    private enum Phase
    {
        WithinBudget,
        LeastExcess,
        CheapestAtExcess,
    }

    /// <summary>A tangent cut of one level's coefficient: Σᵢ gᵢ·zᵢ ≤ √(1 + c²)·X̄ over the level's parts.</summary>
    private sealed record Cut(SchoolPart Level, Indicator Indicator, IReadOnlyDictionary<int, double> Direction);

    private sealed record Found(double[,] Added, double Objective, double Bound, bool TimedOut);

    private static Found? Search(
        AdditionsProblem problem, Phase phase, List<Cut> cuts, double? leastExcess, Stopwatch clock, double limitSeconds)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var left = limitSeconds - clock.Elapsed.TotalSeconds;
            if (left <= 0)
            {
                return null;
            }

            using var model = new Model(problem, phase, cuts, leastExcess);
            var (result, timedOut) = model.Solve(left);
            if (result is null)
            {
                return null;
            }

            var added = Repair(problem, result.Value.Added);
            var violated = Violated(problem, added);
            if (violated.Count == 0)
            {
                return new Found(added, result.Value.Objective, result.Value.Bound, timedOut);
            }

            cuts.AddRange(violated);
        }

        return null;
    }

    /// <summary>
    /// Raises, one unit at a time, an amount the solver left within its 1e-6 feasibility tolerance
    /// under a threshold or floor it meant to reach (the assessment's own check decides).
    /// </summary>
    private static double[,] Repair(AdditionsProblem problem, double[,] added)
    {
        for (var i = 0; i < problem.Parts.Count; i++)
        {
            for (var tries = 0; tries < 14 && problem.Parts[i].Students > 0 && !PlanCheck.PartPasses(problem, added, i); tries++)
            {
                var indicators = PlanCheck.Indicators(problem, added, i);
                var closest = indicators
                    .Where(r => r.Outcome != Assessment.Outcome.Met)
                    .MinBy(r => (r.Required - r.Current) / Math.Max(1, r.Required))!;
                added[i, (int)closest.Indicator] += 1;
            }
        }

        return added;
    }

    private static List<Cut> Violated(AdditionsProblem problem, double[,] added)
    {
        var cuts = new List<Cut>();
        foreach (var level in SchoolParts.All)
        {
            foreach (var indicator in Indicators.All)
            {
                var coefficient = PlanCheck.Coefficient(problem, added, level, indicator);
                if (coefficient.Students > 0 && !PlanCheck.Within(problem, coefficient, level))
                {
                    cuts.Add(new Cut(level, indicator, Direction(problem, added, level, indicator)));
                }
            }
        }

        return cuts;
    }

    /// <summary>z⁰/‖z⁰‖ at the plan, zᵢ = √(Pᵢ/N)·Xᵢ (a plan with X̄ = 0 gets the all-equal direction).</summary>
    private static Dictionary<int, double> Direction(AdditionsProblem problem, double[,] added, SchoolPart level, Indicator indicator)
    {
        var members = Model.Members(problem, level);
        var n = members.Sum(i => (double)problem.Parts[i].Students);
        var z = members.ToDictionary(
            i => i,
            i => Math.Sqrt(problem.Parts[i].Students / n) * PlanCheck.Amount(problem, added, i, indicator)
                 * Indicators.PerStudents(indicator) / problem.Parts[i].Students);
        var norm = Math.Sqrt(z.Values.Sum(v => v * v));
        return norm > 0
            ? z.ToDictionary(kv => kv.Key, kv => kv.Value / norm)
            : members.ToDictionary(i => i, _ => 1 / Math.Sqrt(members.Count));
    }

    private static AdditionsPlan Plan(AdditionsProblem problem, Found found, PlanStatus status, int cutRounds)
    {
        var parts = new List<PartAddition>();
        var totals = new double[Indicators.All.Count];
        for (var i = 0; i < problem.Parts.Count; i++)
        {
            var amounts = Indicators.All.Select(k => found.Added[i, (int)k]).ToArray();
            if (amounts.All(a => a == 0))
            {
                continue;
            }

            foreach (var k in Indicators.All)
            {
                totals[(int)k] += amounts[(int)k];
            }

            var p = problem.Parts[i];
            parts.Add(new PartAddition(p.Code, p.Part, amounts, Indicators.All.Sum(k => amounts[(int)k] * problem.Costs.Of(k))));
        }

        var shortfalls = Indicators.All.Select(k => problem.Budgets.Of(k) is { } b ? Math.Max(0, totals[(int)k] - b) : 0).ToArray();
        var cost = parts.Sum(p => p.Cost);
        return new AdditionsPlan(
            status,
            [.. parts.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Part)],
            cost,
            Math.Min(found.Bound, cost),
            totals,
            shortfalls,
            cutRounds);
    }

    /// <summary>One round's mixed-integer model.</summary>
    private sealed class Model : IDisposable
    {
        private readonly AdditionsProblem _problem;
        private readonly Solver _solver;
        private readonly Variable?[,] _y;
        private readonly Phase _phase;

        public Model(AdditionsProblem problem, Phase phase, IReadOnlyList<Cut> cuts, double? leastExcess)
        {
            _problem = problem;
            _phase = phase;
            _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver here");
            var count = problem.Parts.Count;
            _y = new Variable?[count, Indicators.All.Count];
            var cost = new List<(Variable Var, double Coefficient)>();
            for (var i = 0; i < count; i++)
            {
                if (problem.Parts[i].Students > 0)
                {
                    AddPart(i, cost);
                }
            }

            var excess = AddBudgets();
            foreach (var cut in cuts)
            {
                AddCut(cut);
            }

            var objective = _solver.Objective();
            objective.SetMinimization();
            var excessTerms = excess.Select(e => (e.Var, 1 / Math.Max(1, e.Budget))).ToList();
            if (phase == Phase.LeastExcess)
            {
                excessTerms.ForEach(t => objective.SetCoefficient(t.Var, t.Item2));
                return;
            }

            cost.ForEach(t => objective.SetCoefficient(t.Var, t.Coefficient));
            if (phase == Phase.CheapestAtExcess)
            {
                var cap = _solver.MakeConstraint(double.NegativeInfinity, (leastExcess ?? 0) + 1e-7);
                excessTerms.ForEach(t => cap.SetCoefficient(t.Var, t.Item2));
            }
        }

        public void Dispose() => _solver.Dispose();

        /// <summary>Indexes of the parts of <paramref name="level"/> with pupils.</summary>
        public static List<int> Members(AdditionsProblem problem, SchoolPart level) =>
            [.. Enumerable.Range(0, problem.Parts.Count).Where(i => problem.Parts[i].Part == level && problem.Parts[i].Students > 0)];

        public ((double[,] Added, double Objective, double Bound)? Result, bool TimedOut) Solve(double seconds)
        {
            _solver.SetTimeLimit((long)Math.Ceiling(seconds * 1000));
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
            var status = _solver.Solve(parameters);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                return (null, status == Solver.ResultStatus.NOT_SOLVED);
            }

            var added = new double[_problem.Parts.Count, Indicators.All.Count];
            for (var i = 0; i < _problem.Parts.Count; i++)
            {
                foreach (var k in Indicators.All)
                {
                    added[i, (int)k] = _y[i, (int)k] is { } y ? Math.Max(0, Math.Round(y.SolutionValue())) : 0;
                }
            }

            var objective = _solver.Objective();
            var bound = _phase == Phase.LeastExcess ? objective.Value() : objective.BestBound();
            return ((added, objective.Value(), bound), status == Solver.ResultStatus.FEASIBLE);
        }

        private void AddPart(int i, List<(Variable Var, double Coefficient)> cost)
        {
            var part = _problem.Parts[i];
            var standard = _problem.Standard;
            var met = _solver.MakeConstraint(standard.MinimumMet, double.PositiveInfinity);
            foreach (var k in Indicators.All)
            {
                var y = _solver.MakeIntVar(0, _problem.MaxOf(k) ?? double.PositiveInfinity, $"y_{i}_{k}");
                _y[i, (int)k] = y;
                cost.Add((y, _problem.Costs.Of(k)));
                var m = _solver.MakeBoolVar($"m_{i}_{k}");
                met.SetCoefficient(m, 1);
                if (k == Indicator.BackboneTeachers && _problem.Budgets.BackboneInEveryPart)
                {
                    m.SetLb(1);
                }

                // A + y ≥ R·m + F·R·(1 − m)  ⇔  y − (1 − F)·R·m ≥ F·R − A
                var required = standard.Threshold(part.Part, k) * part.Students / Indicators.PerStudents(k);
                var floor = standard.FloorShare * required;
                var reach = _solver.MakeConstraint(floor - part.Current.AmountFor(k), double.PositiveInfinity);
                reach.SetCoefficient(y, 1);
                reach.SetCoefficient(m, -(required - floor));
            }
        }

        private List<(Variable Var, double Budget)> AddBudgets()
        {
            var excess = new List<(Variable, double)>();
            foreach (var k in Indicators.All)
            {
                if (_problem.Budgets.Of(k) is not { } budget)
                {
                    continue;
                }

                var total = _solver.MakeConstraint(double.NegativeInfinity, budget);
                for (var i = 0; i < _problem.Parts.Count; i++)
                {
                    if (_y[i, (int)k] is { } y)
                    {
                        total.SetCoefficient(y, 1);
                    }
                }

                if (_phase != Phase.WithinBudget)
                {
                    var over = _solver.MakeNumVar(0, double.PositiveInfinity, $"excess_{k}");
                    total.SetCoefficient(over, -1);
                    excess.Add((over, budget));
                }
            }

            return excess;
        }

        /// <summary>Σᵢ gᵢ·aᵢ·(Aᵢ + yᵢ) ≤ r·(per/N)·Σᵢ (Aᵢ + yᵢ), aᵢ = per/√(N·Pᵢ), r = √(1 + c²).</summary>
        private void AddCut(Cut cut)
        {
            var members = Members(_problem, cut.Level);
            var n = members.Sum(i => (double)_problem.Parts[i].Students);
            var per = Indicators.PerStudents(cut.Indicator);
            var ceiling = _problem.Standard.CoefficientCeiling(cut.Level);
            var r = Math.Sqrt(1 + (ceiling * ceiling));
            var rhs = 0.0;
            var constraint = _solver.MakeConstraint(double.NegativeInfinity, 0);
            foreach (var i in members)
            {
                var a = per / Math.Sqrt(n * _problem.Parts[i].Students);
                var coefficient = (cut.Direction.GetValueOrDefault(i) * a) - (r * per / n);
                rhs -= coefficient * _problem.Parts[i].Current.AmountFor(cut.Indicator);
                if (_y[i, (int)cut.Indicator] is { } y)
                {
                    constraint.SetCoefficient(y, coefficient);
                }
            }

            constraint.SetUb(rhs);
        }
    }
}
