using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>
/// A budget of one resource given year by year: what the whole district may add in each calendar
/// year (a year's budget can be used from its first term on, and what is left carries over).
/// </summary>
/// <param name="Indicator">The resource.</param>
/// <param name="ByYear">Units per calendar year, years ascending.</param>
public sealed record YearlyBudget(Indicator Indicator, IReadOnlyList<(int Year, double Units)> ByYear)
{
    /// <summary>Units that may have been added by <paramref name="year"/>: the budgets of that year and every earlier one.</summary>
    public double UpTo(int year) => ByYear.Where(b => b.Year <= year).Sum(b => b.Units);
}

/// <summary>
/// The action plan's own figures (docs/DOMAIN.md, "Other targets of the plan with numbers"), the
/// default budgets of a plan for the plan scenario: 50 PE/music/art teachers (17 in 2020, 17 in
/// 2021, 16 in 2022); 293,300 teaching instruments (100,000 / 100,000 / 93,300), which the
/// assessment counts in yuan at an average value per instrument; 70 municipal and 900 district
/// backbone teachers by 2022, i.e. at most 970 of district level or higher, and at least one per
/// 100 pupils in every school.
/// </summary>
public static class ActionPlanBudgets
{
    /// <summary>The plan's PE/music/art teachers by year.</summary>
    public static YearlyBudget PeArtTeachers { get; } = new(Indicator.PeArtTeachers, [(2020, 17), (2021, 17), (2022, 16)]);

    /// <summary>The plan's teaching instruments by year (pieces, 台套件).</summary>
    public static IReadOnlyList<(int Year, double Pieces)> Instruments { get; } = [(2020, 100_000), (2021, 100_000), (2022, 93_300)];

    /// <summary>
    /// The assumed average value of one teaching instrument, ¥500: the plan counts instruments, the
    /// standard counts yuan. A planning assumption of this project, not a figure of the plan; overridable.
    /// </summary>
    public const double DefaultYuanPerInstrument = 500;

    /// <summary>Backbone teachers of district level or higher the plan reaches by 2022: 900 district + 70 municipal.</summary>
    public const double BackboneTarget = 970;

    /// <summary>The equipment budget in yuan by year, at <paramref name="yuanPerInstrument"/> a piece.</summary>
    public static YearlyBudget Equipment(double yuanPerInstrument) =>
        new(Indicator.EquipmentValue, [.. Instruments.Select(i => (i.Year, i.Pieces * yuanPerInstrument))]);

    /// <summary>
    /// The plan's budgets for a district that has <paramref name="backboneNow"/> backbone teachers:
    /// PE/art and equipment as above, backbone additions up to the 970 the plan reaches (none when
    /// the district has that many already), and the backbone indicator met in every part.
    /// </summary>
    public static (AdditionBudgets Totals, IReadOnlyList<YearlyBudget> Yearly) For(double backboneNow, double yuanPerInstrument)
    {
        var equipment = Equipment(yuanPerInstrument);
        var totals = new double?[Indicators.All.Count];
        totals[(int)Indicator.PeArtTeachers] = PeArtTeachers.UpTo(int.MaxValue);
        totals[(int)Indicator.EquipmentValue] = equipment.UpTo(int.MaxValue);
        totals[(int)Indicator.BackboneTeachers] = Math.Max(0, Math.Floor(BackboneTarget - backboneNow));
        return (new AdditionBudgets(totals, BackboneInEveryPart: true), [PeArtTeachers, equipment]);
    }
}
