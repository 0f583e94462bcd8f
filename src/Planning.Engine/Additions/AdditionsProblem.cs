using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>One school part in the term planned for: its pupils and what it has then.</summary>
/// <param name="Code">School code.</param>
/// <param name="Part">Primary or junior.</param>
/// <param name="Students">Pupils of the part in the term; a part without pupils gets nothing and counts in no coefficient.</param>
/// <param name="Current">Its resources in the term (stock, scheduled additions, its portion of shared ones).</param>
public sealed record PartStock(string Code, SchoolPart Part, int Students, Resources Current);

/// <summary>
/// What one unit of each resource costs, in yuan, in <see cref="Indicator"/> order: a teacher, a
/// backbone teacher, a PE/art teacher, a m² of floor area, a m² of sports area, a yuan of
/// equipment, a multimedia room. The defaults are this project's planning assumptions for Baodi,
/// not figures of the action plan (docs/DOMAIN.md, "Unit costs"); every one can be overridden.
/// </summary>
public sealed record UnitCosts(IReadOnlyList<double> PerUnit)
{
    /// <summary>
    /// ¥150,000 a teacher with an above-required degree (a year's salary and on-costs), ¥30,000 a
    /// district-level backbone teacher (training and recognition of a serving teacher), ¥150,000 a
    /// PE/art teacher, ¥3,000 a m² of teaching floor area, ¥400 a m² of sports ground, ¥1 a yuan of
    /// equipment, ¥60,000 a networked multimedia classroom.
    /// </summary>
    public static UnitCosts Default { get; } = new([150_000, 30_000, 150_000, 3_000, 400, 1, 60_000]);

    /// <summary>Every problem with these costs (one finite cost ≥ 0 per indicator); empty when valid.</summary>
    public IReadOnlyList<string> Problems() => PerUnit.Count != Indicators.All.Count
        ? [$"one cost per indicator ({Indicators.All.Count}), not {PerUnit.Count}"]
        : [.. Indicators.All.Where(i => !double.IsFinite(PerUnit[(int)i]) || PerUnit[(int)i] < 0 || PerUnit[(int)i] > 1e9)
            .Select(i => $"{ResourceLimits.FieldName(i)}: a cost from 0 to 1,000,000,000 yuan, not {PerUnit[(int)i]}")];

    /// <summary>The cost of one unit of <paramref name="indicator"/>.</summary>
    public double Of(Indicator indicator) => PerUnit[(int)indicator];
}

/// <summary>
/// How much of each resource the whole plan may add, in <see cref="Indicator"/> order (null: no
/// limit), and whether every part must meet the backbone indicator outright.
/// </summary>
/// <param name="MaxTotal">Largest total addition per resource over all parts; null for none.</param>
/// <param name="BackboneInEveryPart">
/// The action plan's "at least 1 district-level backbone teacher per 100 students in every school":
/// indicator 2 must be met, not merely held at 85 %.
/// </param>
public sealed record AdditionBudgets(IReadOnlyList<double?> MaxTotal, bool BackboneInEveryPart)
{
    /// <summary>No budget at all.</summary>
    public static AdditionBudgets None { get; } = new([null, null, null, null, null, null, null], false);

    /// <summary>The budget of <paramref name="indicator"/>, or null.</summary>
    public double? Of(Indicator indicator) => MaxTotal[(int)indicator];
}

/// <summary>
/// The least-cost additions problem (issue 13 §2, 新增配置方案): given every school part of a term,
/// find whole teachers and rooms and whole m² and yuan to add per part so that every part with
/// pupils meets the 6-of-7 rule (DOMAIN.md), every coefficient of every level with pupils is
/// defined and within its ceiling, and the budgets hold, at the least total cost.
/// </summary>
/// <param name="Parts">Every school part of the district in the term (the coefficients run over all of them).</param>
/// <param name="Standard">The standard of the run.</param>
/// <param name="Costs">Yuan per unit.</param>
/// <param name="Budgets">Limits on the totals.</param>
/// <param name="MaxPerPart">Optional largest addition per part and resource (units), e.g. the room a site has; null for none.</param>
public sealed record AdditionsProblem(
    IReadOnlyList<PartStock> Parts,
    Standard Standard,
    UnitCosts Costs,
    AdditionBudgets Budgets,
    IReadOnlyList<double?>? MaxPerPart = null)
{
    /// <summary>The largest addition of <paramref name="indicator"/> one part may get, or null.</summary>
    public double? MaxOf(Indicator indicator) => MaxPerPart?[(int)indicator];
}
