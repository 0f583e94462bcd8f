namespace Planning.Engine.Spatial;

/// <summary>
/// The pieces of one catchment: its areas grouped by adjacency, the school's site area counting as one of
/// them. The main piece is the one holding the site (a piece that borders the site area is joined to it
/// through the site); without a site, the piece with the most areas. The others are enclaves.
/// </summary>
internal static class Contiguity
{
    /// <param name="graph">Neighbours.</param>
    /// <param name="areas">The catchment's areas (indices).</param>
    /// <param name="site">The school's site area, or −1.</param>
    /// <returns>The main piece (without the site area unless it belongs to the catchment) and the enclaves, each in ascending area order.</returns>
    public static (IReadOnlyList<int> Main, IReadOnlyList<IReadOnlyList<int>> Enclaves) Pieces(AreaGraph graph, IReadOnlyCollection<int> areas, int site)
    {
        var members = new HashSet<int>(areas);
        var withSite = site >= 0 && members.Add(site);
        var seen = new HashSet<int>();
        var pieces = new List<List<int>>();
        foreach (var start in members.Order())
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var piece = new List<int> { start };
            for (var i = 0; i < piece.Count; i++)
            {
                foreach (var next in graph.Neighbours(piece[i]))
                {
                    if (members.Contains(next) && seen.Add(next))
                    {
                        piece.Add(next);
                    }
                }
            }

            piece.Sort();
            pieces.Add(piece);
        }

        var main = site >= 0
            ? pieces.First(p => p.Contains(site))
            : pieces.OrderByDescending(p => p.Count).ThenBy(p => p[0]).FirstOrDefault() ?? [];
        if (withSite)
        {
            main.Remove(site);
        }

        return (main, [.. pieces.Where(p => !ReferenceEquals(p, main))]);
    }
}
