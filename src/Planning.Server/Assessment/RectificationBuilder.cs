using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Server.Common;
using EngineItem = Planning.Engine.Assessment.RectificationItem;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>
/// The run's rectification list (销号管理): each item a school has open, from the term it opens to
/// the term it closes. Class-size items of one part are one "classes" item; an item that closes
/// and opens again later is listed once per period.
/// </summary>
public static class RectificationBuilder
{
    private readonly record struct Key(string School, V1.SchoolPart Part, V1.Indicator Indicator, string Item);

    public static V1.RectificationList Build(IReadOnlyList<(string Term, IReadOnlyList<AssessedSchool> Schools)> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var list = new List<V1.RectificationItem>();
        var open = new Dictionary<Key, V1.RectificationItem>();
        foreach (var (term, schools) in run)
        {
            var now = schools.SelectMany(s => Rectification.OpenItems(s.Assessment).Select(o => KeyOf(s, o.Item))).ToHashSet();
            foreach (var closed in open.Keys.Where(k => !now.Contains(k)).ToList())
            {
                open[closed].ClosedTerm = term;
                open.Remove(closed);
            }
            foreach (var key in now.Where(k => !open.ContainsKey(k)))
            {
                var item = new V1.RectificationItem
                {
                    SchoolCode = key.School, Part = key.Part, Indicator = key.Indicator, Item = key.Item, OpenedTerm = term,
                };
                open[key] = item;
                list.Add(item);
            }
        }
        var result = new V1.RectificationList();
        result.Items.AddRange(list
            .OrderBy(i => i.SchoolCode, StringComparer.Ordinal)
            .ThenBy(i => i.Part)
            .ThenBy(i => i.Indicator == V1.Indicator.Unspecified ? 1 : 0)
            .ThenBy(i => i.Indicator)
            .ThenBy(i => i.Item, StringComparer.Ordinal)
            .ThenBy(i => Engine.Terms.Term.Parse(i.OpenedTerm)));
        return result;
    }

    private static Key KeyOf(AssessedSchool school, EngineItem item) => item.Kind switch
    {
        ItemKind.Indicator => new Key(school.Facts.Code, Vocabulary.ToProto(item.Part!.Value),
            Vocabulary.ToProto(item.Indicator!.Value), ""),
        ItemKind.ClassSize => new Key(school.Facts.Code, Vocabulary.ToProto(item.Part!.Value), V1.Indicator.Unspecified, "classes"),
        // The size limit is the school's; a nine-year school's size item belongs to neither part.
        _ => new Key(school.Facts.Code, school.Assessment.Parts.Count == 1
            ? Vocabulary.ToProto(school.Assessment.Parts[0].Part)
            : V1.SchoolPart.Unspecified, V1.Indicator.Unspecified, "size"),
    };
}
