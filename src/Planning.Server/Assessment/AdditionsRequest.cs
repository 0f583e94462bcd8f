using System.Globalization;
using Planning.Engine.Additions;
using Planning.Engine.Rules;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>A PlanAdditions request's costs, budgets and time limit, checked field by field.</summary>
internal sealed record AdditionsRequest(
    UnitCosts Costs, V1.BudgetSet Budgets, IReadOnlyDictionary<Indicator, double> Overrides, double YuanPerInstrument, double TimeLimitSeconds)
{
    public const double DefaultTimeLimitSeconds = 60;
    public const double MaxTimeLimitSeconds = 600;

    /// <summary>The request's problems as field problems (the run id and term are checked with the run).</summary>
    public static AdditionsRequest Read(V1.PlanAdditionsRequest request, List<FieldProblem> problems)
    {
        var costs = UnitCosts.Default.PerUnit.ToArray();
        for (var i = 0; i < request.UnitCosts.Count; i++)
        {
            var cost = request.UnitCosts[i];
            var field = $"unit_costs[{i}]";
            if (Vocabulary.FromProto(cost.Indicator) is not { } indicator)
            {
                problems.Add(new FieldProblem($"{field}.indicator", "is required: one of the seven indicators"));
                continue;
            }
            if (!double.IsFinite(cost.Yuan) || cost.Yuan < 0 || cost.Yuan > 1e9)
            {
                problems.Add(new FieldProblem($"{field}.yuan", $"must be from 0 to 1,000,000,000, not {Text(cost.Yuan)}"));
            }
            costs[(int)indicator] = cost.Yuan;
        }

        var overrides = new Dictionary<Indicator, double>();
        for (var i = 0; i < request.BudgetOverrides.Count; i++)
        {
            var budget = request.BudgetOverrides[i];
            var field = $"budget_overrides[{i}]";
            if (Vocabulary.FromProto(budget.Indicator) is not { } indicator)
            {
                problems.Add(new FieldProblem($"{field}.indicator", "is required: one of the seven indicators"));
                continue;
            }
            var most = ResourceLimits.Maximum(indicator) * 10_000;
            if (!double.IsFinite(budget.MaxTotal) || budget.MaxTotal < 0 || budget.MaxTotal > most)
            {
                problems.Add(new FieldProblem($"{field}.max_total", $"must be from 0 to {Text(most)}, not {Text(budget.MaxTotal)}"));
            }
            if (!overrides.TryAdd(indicator, budget.MaxTotal))
            {
                problems.Add(new FieldProblem($"{field}.indicator", $"{budget.Indicator} is given twice"));
            }
        }

        var perInstrument = request.YuanPerInstrument == 0 ? ActionPlanBudgets.DefaultYuanPerInstrument : request.YuanPerInstrument;
        if (!double.IsFinite(request.YuanPerInstrument) || request.YuanPerInstrument < 0 || request.YuanPerInstrument > 1e7)
        {
            problems.Add(new FieldProblem("yuan_per_instrument", $"must be from 0 (default ¥500) to 10,000,000, not {Text(request.YuanPerInstrument)}"));
        }
        var seconds = request.TimeLimitSeconds == 0 ? DefaultTimeLimitSeconds : request.TimeLimitSeconds;
        if (!double.IsFinite(request.TimeLimitSeconds) || request.TimeLimitSeconds < 0 || request.TimeLimitSeconds > MaxTimeLimitSeconds)
        {
            problems.Add(new FieldProblem("time_limit_seconds", $"must be from 0 (default 60) to 600, not {Text(request.TimeLimitSeconds)}"));
        }
        var set = request.Budgets == V1.BudgetSet.Unspecified ? V1.BudgetSet.ActionPlan : request.Budgets;
        if (set is not (V1.BudgetSet.None or V1.BudgetSet.ActionPlan))
        {
            problems.Add(new FieldProblem("budgets", $"unknown budget set {(int)request.Budgets}: NONE or ACTION_PLAN"));
        }
        return new AdditionsRequest(new UnitCosts(costs), set, overrides, perInstrument, seconds);
    }

    /// <summary>The budgets for a district with <paramref name="backboneNow"/> backbone teachers: the set's, then the overrides.</summary>
    public (AdditionBudgets Totals, IReadOnlyList<YearlyBudget> Yearly) BudgetsFor(double backboneNow)
    {
        var (totals, yearly) = Budgets == V1.BudgetSet.ActionPlan
            ? ActionPlanBudgets.For(backboneNow, YuanPerInstrument)
            : (AdditionBudgets.None, []);
        var max = totals.MaxTotal.ToArray();
        foreach (var (indicator, units) in Overrides)
        {
            max[(int)indicator] = units;
        }
        return (totals with { MaxTotal = max }, [.. yearly.Where(y => !Overrides.ContainsKey(y.Indicator))]);
    }

    private static string Text(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
