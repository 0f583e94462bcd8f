using Planning.Engine.Additions;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Tests.Additions;

// Issue 13 §2: "spread the additions over the terms to 2022-autumn"; the action plan's PE/art teachers are
// 17 in 2020, 17 in 2021 and 16 in 2022 (DOMAIN.md).
public class AdditionsScheduleTests
{
    private static readonly IReadOnlyList<Term> Terms = Term.Range(Term.Autumn(2020), Term.Autumn(2022));

    private static PartAddition PeArt(string code, double teachers, double floor = 0) =>
        new(code, SchoolPart.Primary, [0, 0, teachers, floor, 0, 0, 0], 0);

    [Fact]
    public void Spread_PeArtTeachersOverTheYearlyBudgets_SmallestNeedsFirstAndEachYearWithinItsBudget()
    {
        // 10 + 12 + 20 = 42 teachers: 17 in 2020-autumn (10 for A, 7 of B's 12), 17 more from 2021-spring (5 for B, 12 for C),
        // the last 8 for C from 2022-spring.
        var plan = new AdditionsPlan(PlanStatus.Optimal, [PeArt("A", 10), PeArt("B", 12), PeArt("C", 20, floor: 300)], 0, 0, new double[7], new double[7], 0);

        var spread = AdditionsSchedule.Spread(plan, Terms, [ActionPlanBudgets.PeArtTeachers]);

        double Given(string code, string term) => spread.Where(s => s.Code == code && s.From == Term.Parse(term))
            .Sum(s => s.Amounts[(int)Indicator.PeArtTeachers]);
        Assert.Equal(10, Given("A", "2020-autumn"));
        Assert.Equal((7, 5), (Given("B", "2020-autumn"), Given("B", "2021-spring")));
        Assert.Equal((0, 12, 8), (Given("C", "2020-autumn"), Given("C", "2021-spring"), Given("C", "2022-spring")));
        // Floor area has no yearly budget: all of it from the first term.
        Assert.Equal(300, spread.Single(s => s.Code == "C" && s.Amounts[(int)Indicator.FloorArea] > 0 && s.From == Terms[0]).Amounts[(int)Indicator.FloorArea]);
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            var upTo = spread.Where(s => s.From.Year <= year).Sum(s => s.Amounts[(int)Indicator.PeArtTeachers]);
            Assert.True(upTo <= ActionPlanBudgets.PeArtTeachers.UpTo(year), $"{upTo} by {year}");
        }
    }

    [Fact]
    public void For_ActionPlan_TotalsFromThePlansFigures()
    {
        // 17 + 17 + 16 = 50 PE/art teachers; 293,300 instruments × ¥500 = ¥146,650,000; 970 − 650 = 320 backbone teachers.
        var (totals, _) = ActionPlanBudgets.For(backboneNow: 650, ActionPlanBudgets.DefaultYuanPerInstrument);

        Assert.Equal(50, totals.Of(Indicator.PeArtTeachers));
        Assert.Equal(146_650_000, totals.Of(Indicator.EquipmentValue));
        Assert.Equal(320, totals.Of(Indicator.BackboneTeachers));
        Assert.True(totals.BackboneInEveryPart);
        Assert.Null(totals.Of(Indicator.FloorArea));
    }
}
