using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Planning.Reports;

/// <summary>
/// Colours catchments so that neighbours always differ: greedy graph colouring over the
/// adjacency of the catchments, taking the least-used allowed colour to spread the palette.
/// </summary>
public static class CatchmentColours
{
    /// <summary>ColorBrewer Set3 (12 light, distinguishable colours), opaque.</summary>
    public static IReadOnlyList<SKColor> Palette { get; } =
    [
        SKColor.Parse("#8dd3c7"), SKColor.Parse("#ffffb3"), SKColor.Parse("#bebada"), SKColor.Parse("#fb8072"),
        SKColor.Parse("#80b1d3"), SKColor.Parse("#fdb462"), SKColor.Parse("#b3de69"), SKColor.Parse("#fccde5"),
        SKColor.Parse("#d9d9d9"), SKColor.Parse("#bc80bd"), SKColor.Parse("#ccebc5"), SKColor.Parse("#ffed6f"),
    ];

    /// <summary>A palette index per catchment (same order as the input).</summary>
    public static IReadOnlyList<int> Assign(IReadOnlyList<Geometry> areas)
    {
        var neighbours = Adjacency(areas);
        var colour = Enumerable.Repeat(-1, areas.Count).ToArray();
        var used = new int[Palette.Count];
        foreach (var i in Enumerable.Range(0, areas.Count).OrderByDescending(i => neighbours[i].Count).ThenBy(i => i))
        {
            var taken = neighbours[i].Select(n => colour[n]).Where(c => c >= 0).ToHashSet();
            var free = Enumerable.Range(0, Palette.Count).Where(c => !taken.Contains(c)).ToList();
            // More than 12 neighbours is rare; then the least-used colour is the least bad.
            var candidates = free.Count > 0 ? free : Enumerable.Range(0, Palette.Count).ToList();
            colour[i] = candidates.OrderBy(c => used[c]).ThenBy(c => c).First();
            used[colour[i]]++;
        }
        return colour;
    }

    private static List<int>[] Adjacency(IReadOnlyList<Geometry> areas)
    {
        const double touching = 1e-5; // degrees, about a metre
        var neighbours = areas.Select(_ => new List<int>()).ToArray();
        var envelopes = areas.Select(a => { var e = a.EnvelopeInternal.Copy(); e.ExpandBy(touching); return e; }).ToArray();
        for (var i = 0; i < areas.Count; i++)
        {
            for (var j = i + 1; j < areas.Count; j++)
            {
                if (envelopes[i].Intersects(envelopes[j]) && areas[i].IsWithinDistance(areas[j], touching))
                {
                    neighbours[i].Add(j);
                    neighbours[j].Add(i);
                }
            }
        }
        return neighbours;
    }
}
