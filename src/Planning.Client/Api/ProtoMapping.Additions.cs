using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static AdditionsPlan ToRecord(V1.PlanAdditionsResponse r) => new(
        r.RunId, r.Term, r.Status, r.CostYuan, r.LowerBoundYuan,
        [.. r.Schools.Select(s => new SchoolAdditions(s.SchoolCode, s.SchoolName, s.Part, s.Students,
            [.. s.Items.Select(i => new AdditionItem(i.Indicator, i.Amount, i.FromTerm, i.CostYuan, i.Text))], s.CostYuan))],
        [.. r.Budgets.Select(b => new BudgetUse(b.Indicator, b.Added, b.HasBudget ? b.Budget : null, b.Shortfall, b.CostYuan))],
        [.. r.NotFixedByResources], r.Method);
}
