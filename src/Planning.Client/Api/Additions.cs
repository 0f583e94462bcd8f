namespace Planning.Client.Api;

/// <summary>One addition to a school part: how much of a resource, from which term, at what cost.</summary>
/// <param name="Amount">Units: teachers, m², yuan of equipment or rooms.</param>
/// <param name="Text">The addition in words, e.g. "+2 PE/art teachers".</param>
public sealed record AdditionItem(Indicator Indicator, double Amount, string FromTerm, double CostYuan, string Text);

/// <summary>What one school part gets in a plan of additions.</summary>
public sealed record SchoolAdditions(
    string SchoolCode, string SchoolName, SchoolPart Part, int Students, IReadOnlyList<AdditionItem> Items, double CostYuan);

/// <summary>One resource's district total against its budget.</summary>
/// <param name="Budget">The most the plan may add in all, in units; null when the resource has no budget.</param>
/// <param name="Shortfall">How far the plan is over the budget (the smallest excess when no plan fits); 0 within it.</param>
public sealed record BudgetUse(Indicator Indicator, double Added, double? Budget, double Shortfall, double CostYuan);

/// <summary>The least-cost additions that make a run's term pass (PlanAdditions).</summary>
/// <param name="LowerBoundYuan">A proven lower bound on the cost of any plan that passes; equal to the cost when optimal.</param>
/// <param name="NotFixedByResources">What additions of resources cannot fix (size, classes), in words.</param>
public sealed record AdditionsPlan(
    string RunId, string Term, PlanStatus Status, double CostYuan, double LowerBoundYuan, IReadOnlyList<SchoolAdditions> Schools,
    IReadOnlyList<BudgetUse> Budgets, IReadOnlyList<string> NotFixedByResources, string Method);
