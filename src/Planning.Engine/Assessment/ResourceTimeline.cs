using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Assessment;

/// <summary>Resources of one part of a school, or shared by a nine-year school's parts, from a term on.</summary>
/// <param name="Part">Whom the resources serve.</param>
/// <param name="From">First term the entry applies to.</param>
/// <param name="Resources">A stock (in a stock list) or an addition (in an additions list).</param>
public sealed record ResourceEntry(ResourcePart Part, Term From, Resources Resources);

/// <summary>
/// What a school part has in a given term (docs/dataset-format.md, <c>resources</c>): the latest
/// stock entry for the part whose term has started, plus every scheduled addition for the part
/// whose term has started. Additions are cumulative and stay on top of later stock entries: a
/// scenario's "hire 3 PE teachers from 2021-autumn" holds whatever the base data says next.
/// A nine-year school's shared entries follow the same timeline and are apportioned to its parts.
/// </summary>
public static class ResourceTimeline
{
    /// <summary>The stock of <paramref name="part"/> in <paramref name="term"/>; <see cref="Resources.Zero"/> before its first entry.</summary>
    /// <param name="entries">Stock entries; a later entry for the same part replaces the earlier from its term. At most one per part and term.</param>
    /// <param name="part">The part asked for.</param>
    /// <param name="term">The term asked for.</param>
    public static Resources ResourcesAt(IEnumerable<ResourceEntry> entries, ResourcePart part, Term term) =>
        ResourcesAt(entries, [], part, term);

    /// <summary>The stock of <paramref name="part"/> in <paramref name="term"/> with the scheduled additions that have started.</summary>
    /// <param name="entries">Stock entries; a later entry for the same part replaces the earlier from its term. At most one per part and term.</param>
    /// <param name="additions">Scheduled additions (deltas), each counted from its term on.</param>
    /// <param name="part">The part asked for.</param>
    /// <param name="term">The term asked for.</param>
    public static Resources ResourcesAt(
        IEnumerable<ResourceEntry> entries,
        IEnumerable<ResourceEntry> additions,
        ResourcePart part,
        Term term)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(additions);
        var stocks = entries.Where(e => e.Part == part).ToList();
        if (stocks.GroupBy(e => e.From).Any(g => g.Count() > 1))
        {
            throw new ArgumentException($"two {part} entries start in the same term", nameof(entries));
        }

        var stock = stocks
            .Where(e => e.From <= term)
            .OrderByDescending(e => e.From)
            .Select(e => e.Resources)
            .FirstOrDefault() ?? Resources.Zero;
        return additions
            .Where(a => a.Part == part && a.From <= term)
            .Aggregate(stock, (sum, a) => sum.Plus(a.Resources));
    }

    /// <summary>
    /// What school part <paramref name="part"/> has in <paramref name="term"/>: its own resources
    /// as given, plus <paramref name="sharedPortion"/> of the school's shared ones (DOMAIN.md,
    /// "Nine-year schools are split"; <see cref="Standard.SharedPortion"/> gives the portion).
    /// </summary>
    public static Resources ForPart(
        IEnumerable<ResourceEntry> entries,
        IEnumerable<ResourceEntry> additions,
        SchoolPart part,
        Term term,
        double sharedPortion)
    {
        var stock = entries.ToList();
        var added = additions.ToList();
        var own = ResourcesAt(stock, added, ResourceParts.Of(part), term);
        var shared = ResourcesAt(stock, added, ResourcePart.Shared, term);
        return own.Plus(shared.Times(sharedPortion));
    }
}
