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
/// <item>Coefficients: S / X̄ ≤ c is, with weights wᵢ = Pᵢ/N, Σ wᵢXᵢ² ≤ (1 + c²)·X̄² (because
/// S² = Σ wᵢXᵢ² − X̄²), i.e. ‖z‖ ≤ v with zᵢ = √wᵢ·Xᵢ and v = √(1 + c²)·X̄, both linear in y: a
/// second-order cone, convex. It is written in its extended form, Σᵢ tᵢ ≤ v with zᵢ² ≤ tᵢ·v for
/// each school (a three-dimensional rotated cone), and each small cone is linearised soundly by
/// tangent cuts: a tangent of a convex cone holds at every point of it, so the model with cuts is a
/// relaxation and its bound a valid lower bound. A level's cones are added when one of its
/// coefficients is first over its ceiling, and cuts where a plan breaks them.</item>
/// </list>
/// Before any round, each part's cheapest way through the 6-of-7 rule (<see cref="PartMinimum"/>)
/// gives a lower bound and, filled, the first plan: a short time limit or a loaded machine yields a
/// dearer plan rather than none (unless the fill fails); where the fill changes nothing it is
/// optimal and no round runs.
/// Rounds: the linear relaxation first (cheap; most cuts come from it), then the integer model
/// with a 0.1 % gap until its plan passes the assessment's own check (<see cref="PlanCheck"/>),
/// then with no gap; a plan that passes and is optimal for a relaxation is optimal. Every plan a
/// round finds is also made to pass by <see cref="CoefficientFill"/> and kept as an incumbent, so on
/// a time limit the cheapest plan that passes is returned with the best bound proven (status
/// Feasible, the gap between cost and bound stated). When no plan fits the
/// budgets, the budgets get slack: first the least relative excess Σₖ excessₖ / max(1, Bₖ), then
/// the least cost at that excess.
/// </summary>
public static class AdditionsSolver
{
    private const int MaxRounds = 500;

    /// <summary>The share of the time the relaxation's rounds may take.</summary>
    private const double RelaxedShare = 0.25;

    /// <summary>The share of the time one integer round may take before a plan passes (a round stopped early still yields cuts).</summary>
    private const double RoundShare = 0.1;

    /// <summary>How far over its ceiling (relatively) a coefficient of the relaxation may stay: its cuts only speed up the integer rounds.</summary>
    private const double RelaxedTolerance = 1e-4;

    /// <summary>The relative gap of the rounds that only look for a plan that passes, before the last proves it.</summary>
    private const double IntermediateGap = 1e-3;

    /// <summary>Solves <paramref name="problem"/> within <paramref name="timeLimitSeconds"/>.</summary>
    public static AdditionsPlan Solve(AdditionsProblem problem, double timeLimitSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Costs.Problems() is [var costProblem, ..])
        {
            throw new ArgumentException(costProblem, nameof(problem));
        }

        var clock = Stopwatch.StartNew();
        var cuts = new Cuts();
        var budgeted = Indicators.All.Any(k => problem.Budgets.Of(k) is not null);
        (double[,] Added, double Cost)? minimum = PartMinimum.Additions(problem) is { } added ? (added, Cost(problem, added)) : null;
        var within = Search(problem, Phase.WithinBudget, cuts, null, minimum, clock, budgeted ? timeLimitSeconds / 2 : timeLimitSeconds, out var ruledOut);
        if (within is not null)
        {
            return Plan(problem, within, within.Proven ? PlanStatus.Optimal : PlanStatus.Feasible, cuts.Count);
        }

        var least = Search(problem, Phase.LeastExcess, cuts, null, minimum, clock, timeLimitSeconds * 3 / 4, out _);
        if (least is null)
        {
            return new AdditionsPlan(PlanStatus.NoPlan, [], 0, 0, new double[Indicators.All.Count], new double[Indicators.All.Count], cuts.Count);
        }

        // The least-excess search's bound is on the excess, not on yuan: the plan's bound is then each part's own minimum.
        var cheapest = Search(problem, Phase.CheapestAtExcess, cuts, least.Objective, minimum, clock, timeLimitSeconds, out _)
            ?? least with { Bound = minimum?.Cost ?? 0 };
        return Plan(problem, cheapest, PlanStatus.OverBudget, cuts.Count) with { WithinBudgetsRuledOut = ruledOut };
    }

    private enum Phase
    {
        WithinBudget,
        LeastExcess,
        CheapestAtExcess,
    }

    /// <summary>A tangent cut of school i's cone zᵢ² ≤ tᵢ·v of one level and indicator: Cz·zᵢ + Ct·tᵢ + Cv·v ≤ 0.</summary>
    private sealed record ConeCut(SchoolPart Level, Indicator Indicator, int School, double Cz, double Ct, double Cv);

    /// <summary>The coefficients whose cones are in the model, and the cuts of those cones.</summary>
    private sealed class Cuts
    {
        public HashSet<(SchoolPart Level, Indicator Indicator)> Active { get; } = [];

        public List<ConeCut> List { get; } = [];

        public int Count => List.Count;
    }

    /// <summary>A solution: the additions (rounded for the integer model), the cone variables tᵢ, the objective and the bound.</summary>
    private sealed record Solution(double[,] Added, Dictionary<(SchoolPart, Indicator, int), double> T, double Objective, double Bound, bool Proven);

    private sealed record Found(double[,] Added, double Objective, double Bound, bool Proven);

    // minimum: each part's own minimum (PartMinimum) and its cost, when every part can pass; infeasible: a model proven so.
    private static Found? Search(
        AdditionsProblem problem, Phase phase, Cuts cuts, double? leastExcess, (double[,] Added, double Cost)? minimum,
        Stopwatch clock, double deadlineSeconds, out bool infeasible)
    {
        infeasible = false;
        var limitSeconds = deadlineSeconds - clock.Elapsed.TotalSeconds;
        double Left() => deadlineSeconds - clock.Elapsed.TotalSeconds;
        double Value(double[,] added) => phase == Phase.LeastExcess ? Excess(problem, added) : Cost(problem, added);
        Found? incumbent = null;
        void Offer(double[,] candidate, double bound)
        {
            if (CoefficientFill.Fill(problem, candidate) is { } filled && Acceptable(phase, Excess(problem, filled), leastExcess)
                && (incumbent is null || Value(filled) < Value(incumbent.Added)))
            {
                incumbent = new Found(filled, Value(filled), bound, false);
            }
        }

        // The minimum is offered whatever the time limit; its cost bounds every plan's (an excess is never below 0).
        var bound = phase == Phase.LeastExcess ? 0 : minimum?.Cost ?? 0;
        if (minimum is { Added: var least })
        {
            Offer(Repair(problem, (double[,])least.Clone()), bound);
            if (incumbent is not null && phase != Phase.LeastExcess && Value(incumbent.Added) <= bound)
            {
                return incumbent with { Proven = true };
            }
        }

        for (var round = 0; round < MaxRounds && Left() > limitSeconds * (1 - RelaxedShare); round++)
        {
            using var relaxed = new Model(problem, phase, cuts, leastExcess, relax: true);
            var lp = relaxed.Solve(Left(), gap: 0);
            if (lp is null)
            {
                // The relaxation infeasible: so is the phase's model.
                infeasible = relaxed.Infeasible;
                break;
            }

            bound = Math.Max(bound, lp.Bound);
            var passes = !Separate(problem, lp, cuts, RelaxedTolerance);
            var rounded = (double[,])lp.Added.Clone();
            Offer(Repair(problem, Ceiling(rounded)), bound);
            if (passes)
            {
                break;
            }
        }

        Found? best = null;
        var (proving, uncapped) = (false, false);
        for (var round = 0; round < MaxRounds && Left() > 0; round++)
        {
            using var model = new Model(problem, phase, cuts, leastExcess, relax: false);
            var seconds = proving || uncapped ? Left() : Math.Min(Left(), limitSeconds * RoundShare);
            var solution = model.Solve(seconds, gap: proving ? 0 : IntermediateGap);
            if (solution is null)
            {
                if (seconds < Left() && model.TimedOut)
                {
                    uncapped = true;
                    continue;
                }

                infeasible |= model.Infeasible;
                break;
            }

            bound = Math.Max(bound, solution.Bound);
            var added = Repair(problem, solution.Added);
            if (Separate(problem, solution with { Added = added }, cuts, 0))
            {
                Offer(added, bound);
                continue;
            }

            var found = new Found(added, solution.Objective, bound, proving && solution.Proven);
            best = best is null || Value(added) < Value(best.Added) ? found : best with { Bound = bound };
            if (found.Proven)
            {
                return found;
            }

            proving = true;
        }

        // Not proven in time: the cheaper of the solver's best plan that passes and the filled incumbent, with the best bound proven.
        var cheapest = best is null || (incumbent is not null && Value(incumbent.Added) < Value(best.Added)) ? incumbent : best;
        return cheapest is null ? null : cheapest with { Bound = bound, Proven = false };
    }

    private static double[,] Ceiling(double[,] added)
    {
        for (var i = 0; i < added.GetLength(0); i++)
        {
            for (var k = 0; k < added.GetLength(1); k++)
            {
                added[i, k] = Math.Ceiling(added[i, k] - 1e-9);
            }
        }

        return added;
    }

    /// <summary>Σₖ excessₖ / max(1, Bₖ) of <paramref name="added"/> over the budgets (the least-excess phase's objective).</summary>
    private static double Excess(AdditionsProblem problem, double[,] added) =>
        Indicators.All.Sum(k => problem.Budgets.Of(k) is { } budget
            ? Math.Max(0, Enumerable.Range(0, problem.Parts.Count).Sum(i => added[i, (int)k]) - budget) / Math.Max(1, budget)
            : 0);

    /// <summary>Whether a plan from outside the model with <paramref name="excess"/> may stand for <paramref name="phase"/>: within the budgets, or no further over them than the least excess.</summary>
    private static bool Acceptable(Phase phase, double excess, double? leastExcess) => phase switch
    {
        Phase.WithinBudget => excess == 0,
        Phase.CheapestAtExcess => excess <= (leastExcess ?? 0) + 1e-7,
        _ => true,
    };

    private static double Cost(AdditionsProblem problem, double[,] added) =>
        Enumerable.Range(0, problem.Parts.Count).Sum(i => Indicators.All.Sum(k => added[i, (int)k] * problem.Costs.Of(k)));

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

    /// <summary>
    /// Adds cuts for every coefficient of <paramref name="solution"/> over its ceiling (relatively by
    /// more than <paramref name="tolerance"/>; with 0, as the assessment counts it): its level's cones
    /// when not yet in the model, and a tangent at every school whose cone the solution breaks.
    /// True when it added anything, i.e. the solution does not pass.
    /// </summary>
    private static bool Separate(AdditionsProblem problem, Solution solution, Cuts cuts, double tolerance)
    {
        var before = cuts.Count;
        foreach (var level in SchoolParts.All)
        {
            foreach (var indicator in Indicators.All)
            {
                var coefficient = PlanCheck.Coefficient(problem, solution.Added, level, indicator);
                var ceiling = problem.Standard.CoefficientCeiling(level);
                var passes = coefficient.Students == 0 || (tolerance > 0
                    ? coefficient.Coefficient is { } c && c <= ceiling * (1 + tolerance)
                    : PlanCheck.Within(problem, coefficient, level));
                if (passes)
                {
                    continue;
                }

                var fresh = cuts.Active.Add((level, indicator));
                var (z, v) = Cone(problem, solution.Added, level, indicator);
                foreach (var (i, zi) in z)
                {
                    // At a fresh cone (or a school the model left on its surface) cut at the surface point tᵢ = zᵢ²/v.
                    var t = fresh ? zi * zi / v : solution.T.GetValueOrDefault((level, indicator, i), 0);
                    if (fresh || zi * zi > (t * v) + 1e-12)
                    {
                        cuts.List.Add(Tangent(level, indicator, i, zi, t, v));
                    }
                }

                if (cuts.Count == before && !fresh)
                {
                    // Every cone holds to rounding and still the coefficient is over: cut at the surface points.
                    cuts.List.AddRange(z.Select(x => Tangent(level, indicator, x.Key, x.Value, x.Value * x.Value / v, v)));
                }
            }
        }

        return cuts.Count > before;
    }

    /// <summary>
    /// The tangent of zᵢ² ≤ tᵢ·v (as ‖(2z, t − v)‖ ≤ t + v) at (z⁰, t⁰, v⁰):
    /// (4z⁰·z + (t⁰ − v⁰)(t − v)) / ‖(2z⁰, t⁰ − v⁰)‖ ≤ t + v.
    /// </summary>
    private static ConeCut Tangent(SchoolPart level, Indicator indicator, int i, double z, double t, double v)
    {
        var norm = Math.Sqrt((4 * z * z) + ((t - v) * (t - v)));
        return norm > 0
            ? new ConeCut(level, indicator, i, 4 * z / norm, ((t - v) / norm) - 1, (-(t - v) / norm) - 1)
            : new ConeCut(level, indicator, i, 0, -1, -1);
    }

    /// <summary>zᵢ = √(Pᵢ/N)·Xᵢ of each part of the level, and v = √(1 + c²)·X̄, at the plan.</summary>
    private static (Dictionary<int, double> Z, double V) Cone(AdditionsProblem problem, double[,] added, SchoolPart level, Indicator indicator)
    {
        var members = Model.Members(problem, level);
        var n = members.Sum(i => (double)problem.Parts[i].Students);
        var per = Indicators.PerStudents(indicator);
        var ceiling = problem.Standard.CoefficientCeiling(level);
        var z = members.ToDictionary(
            i => i,
            i => Math.Sqrt(problem.Parts[i].Students / n) * PlanCheck.Amount(problem, added, i, indicator) * per / problem.Parts[i].Students);
        var mean = members.Sum(i => PlanCheck.Amount(problem, added, i, indicator)) * per / n;
        return (z, Math.Sqrt(1 + (ceiling * ceiling)) * mean);
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

    /// <summary>One round's model: mixed-integer (SCIP), or its linear relaxation (GLOP).</summary>
    private sealed class Model : IDisposable
    {
        private readonly AdditionsProblem _problem;
        private readonly Solver _solver;
        private readonly Variable?[,] _y;
        private readonly Phase _phase;
        private readonly bool _relax;
        private readonly Dictionary<(SchoolPart, Indicator, int), Variable> _t = [];

        public Model(AdditionsProblem problem, Phase phase, Cuts cuts, double? leastExcess, bool relax)
        {
            _problem = problem;
            _phase = phase;
            _relax = relax;
            // SCIP for the relaxation too: GLOP gave up (ABNORMAL) on the cuts' wide range of coefficients.
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
            var v = cuts.Active.ToDictionary(a => a, a => AddCone(a.Level, a.Indicator));
            foreach (var cut in cuts.List)
            {
                AddCut(cut, v[(cut.Level, cut.Indicator)]);
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

        /// <summary>True when the last solve stopped at its time limit without a solution.</summary>
        public bool TimedOut { get; private set; }

        /// <summary>True when the last solve proved the model infeasible.</summary>
        public bool Infeasible { get; private set; }

        public void Dispose() => _solver.Dispose();

        /// <summary>Indexes of the parts of <paramref name="level"/> with pupils.</summary>
        public static List<int> Members(AdditionsProblem problem, SchoolPart level) =>
            [.. Enumerable.Range(0, problem.Parts.Count).Where(i => problem.Parts[i].Part == level && problem.Parts[i].Students > 0)];

        /// <summary>The solution, or null when there is none (infeasible, or none found in time).</summary>
        public Solution? Solve(double seconds, double gap)
        {
            _solver.SetTimeLimit((long)Math.Ceiling(Math.Max(seconds, 0.001) * 1000));
            using var parameters = new MPSolverParameters();
            if (!_relax)
            {
                parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
            }

            var status = _solver.Solve(parameters);
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                TimedOut = status == Solver.ResultStatus.NOT_SOLVED;
                Infeasible = status == Solver.ResultStatus.INFEASIBLE;
                return null;
            }

            var added = new double[_problem.Parts.Count, Indicators.All.Count];
            for (var i = 0; i < _problem.Parts.Count; i++)
            {
                foreach (var k in Indicators.All)
                {
                    var value = _y[i, (int)k] is { } y ? Math.Max(0, y.SolutionValue()) : 0;
                    added[i, (int)k] = _relax ? value : Math.Round(value);
                }
            }

            var objective = _solver.Objective();
            var bound = _relax || _phase == Phase.LeastExcess ? objective.Value() : objective.BestBound();
            return new Solution(
                added,
                _t.ToDictionary(kv => kv.Key, kv => kv.Value.SolutionValue()),
                objective.Value(),
                bound,
                status == Solver.ResultStatus.OPTIMAL);
        }

        private void AddPart(int i, List<(Variable Var, double Coefficient)> cost)
        {
            var part = _problem.Parts[i];
            var standard = _problem.Standard;
            var met = _solver.MakeConstraint(standard.MinimumMet, double.PositiveInfinity);
            foreach (var k in Indicators.All)
            {
                var most = _problem.MaxOf(k) ?? double.PositiveInfinity;
                var y = _relax ? _solver.MakeNumVar(0, most, $"y_{i}_{k}") : _solver.MakeIntVar(0, most, $"y_{i}_{k}");
                _y[i, (int)k] = y;
                cost.Add((y, _problem.Costs.Of(k)));
                var m = _relax ? _solver.MakeNumVar(0, 1, $"m_{i}_{k}") : _solver.MakeBoolVar($"m_{i}_{k}");
                met.SetCoefficient(m, 1);
                if (k == Indicator.BackboneTeachers && _problem.Budgets.BackboneInEveryPart)
                {
                    m.SetLb(1);
                }

                // A + y ≥ R·m + F·R·(1 − m)  ⇔  y − (1 − F)·R·m ≥ F·R − A
                var required = Assessment.SchoolAssessor.Required(part.Part, k, part.Students, standard);
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

        /// <summary>
        /// A level's cone in its extended form: v = r·(per/N)·Σᵢ (Aᵢ + yᵢ) with r = √(1 + c²),
        /// tᵢ ≥ 0 per part and Σᵢ tᵢ ≤ v (the small cones zᵢ² ≤ tᵢ·v come as cuts). Returns v.
        /// </summary>
        private Variable AddCone(SchoolPart level, Indicator indicator)
        {
            var members = Members(_problem, level);
            var n = members.Sum(i => (double)_problem.Parts[i].Students);
            var ceiling = _problem.Standard.CoefficientCeiling(level);
            var scale = Math.Sqrt(1 + (ceiling * ceiling)) * Indicators.PerStudents(indicator) / n;
            var v = _solver.MakeNumVar(0, double.PositiveInfinity, $"v_{level}_{indicator}");
            var stock = scale * members.Sum(i => _problem.Parts[i].Current.AmountFor(indicator));
            var mean = _solver.MakeConstraint(stock, stock);
            mean.SetCoefficient(v, 1);
            var sum = _solver.MakeConstraint(double.NegativeInfinity, 0);
            sum.SetCoefficient(v, -1);
            foreach (var i in members)
            {
                if (_y[i, (int)indicator] is { } y)
                {
                    mean.SetCoefficient(y, -scale);
                }

                var t = _solver.MakeNumVar(0, double.PositiveInfinity, $"t_{level}_{indicator}_{i}");
                _t[(level, indicator, i)] = t;
                sum.SetCoefficient(t, 1);
            }

            return v;
        }

        /// <summary>Cz·zᵢ + Ct·tᵢ + Cv·v ≤ 0 with zᵢ = aᵢ·(Aᵢ + yᵢ), aᵢ = per/√(N·Pᵢ).</summary>
        private void AddCut(ConeCut cut, Variable v)
        {
            var members = Members(_problem, cut.Level);
            var n = members.Sum(i => (double)_problem.Parts[i].Students);
            var a = Indicators.PerStudents(cut.Indicator) / Math.Sqrt(n * _problem.Parts[cut.School].Students);
            var constraint = _solver.MakeConstraint(double.NegativeInfinity, -cut.Cz * a * _problem.Parts[cut.School].Current.AmountFor(cut.Indicator));
            if (_y[cut.School, (int)cut.Indicator] is { } y)
            {
                constraint.SetCoefficient(y, cut.Cz * a);
            }

            constraint.SetCoefficient(_t[(cut.Level, cut.Indicator, cut.School)], cut.Ct);
            constraint.SetCoefficient(v, cut.Cv);
        }
    }
}
