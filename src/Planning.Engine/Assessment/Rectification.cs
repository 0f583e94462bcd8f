using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Assessment;

/// <summary>What kind of requirement a rectification item is about.</summary>
public enum ItemKind
{
    /// <summary>One resource indicator of one part below its threshold.</summary>
    Indicator,

    /// <summary>Classes of one grade over the class limit.</summary>
    ClassSize,

    /// <summary>The school over its size limit.</summary>
    SchoolSize,
}

/// <summary>
/// One item of a school's rectification list (销号管理: ticked off when it closes). Items are
/// values: the same requirement in two terms is the same item.
/// </summary>
/// <param name="Kind">The kind of requirement.</param>
/// <param name="Part">The part, for indicators and class sizes.</param>
/// <param name="Indicator">The indicator, for <see cref="ItemKind.Indicator"/>.</param>
/// <param name="Grade">The grade, for <see cref="ItemKind.ClassSize"/>.</param>
public sealed record RectificationItem(ItemKind Kind, SchoolPart? Part, Indicator? Indicator, int? Grade);

/// <summary>An item open in one term and how far it is from closing.</summary>
/// <param name="Item">The requirement.</param>
/// <param name="Gap">Units to add: teachers, m², yuan, rooms, classes, or students to move out for the school size.</param>
/// <param name="Unit">The unit of <paramref name="Gap"/>.</param>
public sealed record OpenItem(RectificationItem Item, double Gap, GapUnit Unit);

/// <summary>An open item in one term of a run, with the term it closes in.</summary>
/// <param name="Open">The item and its gap in this term.</param>
/// <param name="ClosesIn">The first later term in which the item is no longer open; null when it is still open at the horizon.</param>
public sealed record TermItem(OpenItem Open, Term? ClosesIn)
{
    /// <summary>True when the item is still open in the last term of the run.</summary>
    public bool OpenAtHorizon => ClosesIn is null;
}

/// <summary>The items still open in one term of a run.</summary>
/// <param name="Term">The term.</param>
/// <param name="Items">Open items: school size first, then by part, indicator and grade.</param>
public sealed record RectificationTerm(Term Term, IReadOnlyList<TermItem> Items);

/// <summary>Builds a school's rectification list from its assessments (DOMAIN.md, 挂图作战、销号管理).</summary>
public static class Rectification
{
    /// <summary>The items open in one assessment (a part without students has none).</summary>
    public static IReadOnlyList<OpenItem> OpenItems(SchoolAssessment school)
    {
        ArgumentNullException.ThrowIfNull(school);
        var items = new List<OpenItem>();
        if (!school.SizeMet)
        {
            items.Add(new OpenItem(new RectificationItem(ItemKind.SchoolSize, null, null, null), school.StudentsOverSize, GapUnit.Students));
        }

        foreach (var part in school.Parts)
        {
            items.AddRange(part.Indicators
                .Where(i => i.Outcome == Outcome.NotMet)
                .Select(i => new OpenItem(new RectificationItem(ItemKind.Indicator, part.Part, i.Indicator, null), i.Gap, i.Unit)));
            items.AddRange(part.Grades
                .Where(g => !g.Met)
                .Select(g => new OpenItem(new RectificationItem(ItemKind.ClassSize, part.Part, null, g.Grade), g.ClassesShort, GapUnit.Classes)));
        }

        return items;
    }

    /// <summary>
    /// The open items of one school in each term of a run, each with the term in which it closes
    /// (the first later term where it is not open) or null when it is open at the horizon.
    /// </summary>
    /// <param name="run">The school's assessment in each term, terms strictly ascending.</param>
    public static IReadOnlyList<RectificationTerm> Track(IReadOnlyList<(Term Term, SchoolAssessment Assessment)> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        for (var i = 1; i < run.Count; i++)
        {
            if (run[i - 1].Term >= run[i].Term)
            {
                throw new ArgumentException("terms must be strictly ascending", nameof(run));
            }
        }

        var open = run.Select(r => OpenItems(r.Assessment)).ToList();
        var result = new RectificationTerm[run.Count];
        Term? nextTerm = null;
        HashSet<RectificationItem> openNext = [];
        Dictionary<RectificationItem, Term?> closesIn = [];
        for (var i = run.Count - 1; i >= 0; i--)
        {
            var here = open[i];
            foreach (var item in here.Select(o => o.Item))
            {
                // Open next term too: closes when that one closes; otherwise closes next term.
                closesIn[item] = openNext.Contains(item) ? closesIn[item] : nextTerm;
            }

            result[i] = new RectificationTerm(run[i].Term, [.. here.Select(o => new TermItem(o, closesIn[o.Item]))]);
            openNext = [.. here.Select(o => o.Item)];
            nextTerm = run[i].Term;
        }

        return result;
    }
}
