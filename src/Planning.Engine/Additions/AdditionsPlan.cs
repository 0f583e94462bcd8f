using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>How a plan ended.</summary>
public enum PlanStatus
{
    /// <summary>The least-cost plan within the budgets: its cost equals the proven lower bound.</summary>
    Optimal,

    /// <summary>A plan within the budgets that passes, found before the time limit; the bound says how far from least cost it may be.</summary>
    Feasible,

    /// <summary>No plan within the budgets was found (proven impossible when <see cref="AdditionsPlan.WithinBudgetsRuledOut"/>, else the time ran out first): the plan given is the one found that exceeds them least (see the shortfalls).</summary>
    OverBudget,

    /// <summary>No plan was found: none passes even without budgets (the per-part limits are too tight), or the first plan (<see cref="PartMinimum"/>) did not pass after filling (per-part limits, or a ceiling tight against whole units) and no solve found one in time.</summary>
    NoPlan,
}

/// <summary>What one school part gets.</summary>
/// <param name="Code">School code.</param>
/// <param name="Part">Primary or junior.</param>
/// <param name="Amounts">Units added per indicator, in <see cref="Indicator"/> order: whole teachers, m², yuan, rooms.</param>
/// <param name="Cost">Yuan.</param>
public sealed record PartAddition(string Code, SchoolPart Part, IReadOnlyList<double> Amounts, double Cost)
{
    /// <summary>Units of <paramref name="indicator"/> added.</summary>
    public double Of(Indicator indicator) => Amounts[(int)indicator];
}

/// <summary>The plan: what each part gets, what it costs, and how it stands against the budgets.</summary>
/// <param name="Status">How the search ended.</param>
/// <param name="Parts">Parts that get something, by code then part.</param>
/// <param name="Cost">Total cost, yuan.</param>
/// <param name="LowerBound">A proven lower bound on the cost of any plan within the budgets (equal to the cost when optimal).</param>
/// <param name="Totals">Units added per indicator over all parts.</param>
/// <param name="Shortfalls">Units per indicator by which the plan exceeds its budget (0 within budget).</param>
/// <param name="CutRounds">Rounds of coefficient cuts the search took (see <see cref="AdditionsSolver"/>).</param>
/// <param name="WithinBudgetsRuledOut">With <see cref="PlanStatus.OverBudget"/>: true when the search proved that no plan within the budgets exists, false when the time limit came first.</param>
public sealed record AdditionsPlan(
    PlanStatus Status,
    IReadOnlyList<PartAddition> Parts,
    double Cost,
    double LowerBound,
    IReadOnlyList<double> Totals,
    IReadOnlyList<double> Shortfalls,
    int CutRounds,
    bool WithinBudgetsRuledOut = false);
