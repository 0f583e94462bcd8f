using Planning.Engine.Additions;
using Planning.Engine.Rules;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>A plan of additions as planning.v1 messages.</summary>
internal static class AdditionsProto
{
    public static IEnumerable<V1.SchoolAdditions> Schools(
        AdditionsPlan plan, IReadOnlyList<ScheduledAddition> spread, IReadOnlyList<AssessedSchool> schools, UnitCosts costs)
    {
        var byCode = schools.ToDictionary(s => s.Facts.Code, StringComparer.Ordinal);
        foreach (var part in plan.Parts)
        {
            var school = byCode[part.Code];
            var message = new V1.SchoolAdditions
            {
                SchoolCode = part.Code,
                SchoolName = school.Facts.Name,
                Part = Vocabulary.ToProto(part.Part),
                Students = school.Assessment.PartOf(part.Part)?.Students ?? 0,
                CostYuan = part.Cost,
            };
            foreach (var entry in spread.Where(a => a.Code == part.Code && a.Part == part.Part))
            {
                message.Items.AddRange(Indicators.All.Where(k => entry.Amounts[(int)k] > 0).Select(k => new V1.AdditionItem
                {
                    Indicator = Vocabulary.ToProto(k),
                    Amount = entry.Amounts[(int)k],
                    FromTerm = entry.From.ToString(),
                    CostYuan = entry.Amounts[(int)k] * costs.Of(k),
                    Text = GapTexts.ForIndicator(k, entry.Amounts[(int)k]),
                }));
            }
            yield return message;
        }
    }

    public static IEnumerable<V1.BudgetUse> Budgets(AdditionsPlan plan, AdditionBudgets budgets, UnitCosts costs) =>
        Indicators.All.Select(k => new V1.BudgetUse
        {
            Indicator = Vocabulary.ToProto(k),
            Added = plan.Totals[(int)k],
            Budget = budgets.Of(k) ?? 0,
            HasBudget = budgets.Of(k) is not null,
            Shortfall = plan.Shortfalls[(int)k],
            CostYuan = plan.Totals[(int)k] * costs.Of(k),
        });

    /// <summary>One scheduled addition as an AddResources entry.</summary>
    public static V1.Resources Resources(ScheduledAddition a)
    {
        var resources = new V1.Resources { Part = Vocabulary.ToProto(a.Part), FromTerm = a.From.ToString() };
        foreach (var k in Indicators.All)
        {
            resources.SetAmount(Vocabulary.ToProto(k), a.Amounts[(int)k]);
        }

        return resources;
    }
}
