using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Additions;

/// <summary>What one school part gets from one term on.</summary>
/// <param name="Code">School code.</param>
/// <param name="Part">Primary or junior.</param>
/// <param name="From">The first term the addition is in place.</param>
/// <param name="Amounts">Units per indicator.</param>
public sealed record ScheduledAddition(string Code, SchoolPart Part, Term From, IReadOnlyList<double> Amounts);

/// <summary>
/// Spreads a plan over the terms up to the one it was made for: what no yearly budget limits is in
/// place from the first term; a resource with a yearly budget is given, term by term, as soon as the
/// budget of the term's year (with what earlier years left) allows, to the parts that need the least
/// of it first, so that as many parts as the budget allows meet their item early. (A greedy rule,
/// not a proof that each term's verdict is the best possible.)
/// </summary>
public static class AdditionsSchedule
{
    public static IReadOnlyList<ScheduledAddition> Spread(
        AdditionsPlan plan, IReadOnlyList<Term> terms, IReadOnlyList<YearlyBudget> yearly)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(yearly);
        if (terms.Count == 0)
        {
            throw new ArgumentException("at least one term", nameof(terms));
        }

        var given = new Dictionary<(string Code, SchoolPart Part, Term From), double[]>();
        foreach (var indicator in Indicators.All)
        {
            var needs = plan.Parts.Where(p => p.Of(indicator) > 0)
                .OrderBy(p => p.Of(indicator)).ThenBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Part)
                .Select(p => (Part: p, Left: p.Of(indicator))).ToList();
            var budget = yearly.FirstOrDefault(b => b.Indicator == indicator);
            var used = 0.0;
            for (var t = 0; t < terms.Count; t++)
            {
                var last = t == terms.Count - 1;
                var room = budget is null || last ? double.PositiveInfinity : Math.Floor(budget.UpTo(terms[t].Year) - used);
                for (var n = 0; n < needs.Count && room > 0; n++)
                {
                    var give = Math.Min(needs[n].Left, room);
                    if (give <= 0)
                    {
                        continue;
                    }

                    var key = (needs[n].Part.Code, needs[n].Part.Part, terms[t]);
                    if (!given.TryGetValue(key, out var amounts))
                    {
                        given[key] = amounts = new double[Indicators.All.Count];
                    }

                    amounts[(int)indicator] += give;
                    needs[n] = (needs[n].Part, needs[n].Left - give);
                    room -= give;
                    used += give;
                }
            }
        }

        return [.. given.OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Part).ThenBy(g => g.Key.From)
            .Select(g => new ScheduledAddition(g.Key.Code, g.Key.Part, g.Key.From, g.Value))];
    }
}
