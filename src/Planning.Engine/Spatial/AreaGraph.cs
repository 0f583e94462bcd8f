using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using Planning.Engine.Inputs;

namespace Planning.Engine.Spatial;

/// <summary>
/// Neighbouring areas by index, and the area each school stands in (its site), which counts as inside the
/// school's catchment when contiguity is judged. Areas beyond the input's (stand-ins) have no neighbours.
/// </summary>
internal sealed class AreaGraph
{
    /// <summary>A school standing within this distance of an area (in a road beside it) has its site there.</summary>
    public const double SiteToleranceMetres = 100;

    private readonly int[][] _neighbours;
    private readonly int[] _sites;

    private AreaGraph(int[][] neighbours, int[] sites)
    {
        _neighbours = neighbours;
        _sites = sites;
    }

    public int AreaCount => _neighbours.Length;

    /// <param name="areas">Areas by index: their codes and polygons.</param>
    /// <param name="schools">Schools by index: their locations.</param>
    /// <param name="links">Neighbouring pairs by code; pairs naming an unknown area are ignored.</param>
    public static AreaGraph Build(IReadOnlyList<(string Code, Geometry? Boundary)> areas, IReadOnlyList<GeoPoint> schools, IReadOnlyList<AreaLink> links)
    {
        var index = areas.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var lists = areas.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var link in links)
        {
            if (index.TryGetValue(link.AreaA, out var a) && index.TryGetValue(link.AreaB, out var b) && a != b)
            {
                lists[a].Add(b);
                lists[b].Add(a);
            }
        }

        var boundaries = areas.Select(a => a.Boundary).ToList();
        return new AreaGraph([.. lists.Select(l => l.ToArray())], [.. schools.Select(s => SiteOf(boundaries, s))]);
    }

    public IReadOnlyList<int> Neighbours(int area) => area < _neighbours.Length ? _neighbours[area] : [];

    /// <summary>The area the school stands in (or beside, within <see cref="SiteToleranceMetres"/>); −1 when none.</summary>
    public int SiteOf(int school) => _sites[school];

    /// <summary>The area containing <paramref name="point"/>, else the nearest within the tolerance, else −1.</summary>
    public static int SiteOf(IReadOnlyList<Geometry?> areas, GeoPoint point)
    {
        var location = new Point(point.Longitude, point.Latitude);
        var (best, bestMetres) = (-1, SiteToleranceMetres);
        for (var a = 0; a < areas.Count; a++)
        {
            if (areas[a] is not { IsEmpty: false } boundary)
            {
                continue;
            }

            // A cheap envelope test first: 0.002° is over 150 m in both directions at Baodi's latitude.
            var envelope = boundary.EnvelopeInternal;
            if (point.Longitude < envelope.MinX - 0.002 || point.Longitude > envelope.MaxX + 0.002
                || point.Latitude < envelope.MinY - 0.002 || point.Latitude > envelope.MaxY + 0.002)
            {
                continue;
            }

            if (boundary.Contains(location))
            {
                return a;
            }

            var nearest = DistanceOp.NearestPoints(boundary, location)[0];
            var metres = point.DistanceTo(new GeoPoint(nearest.X, nearest.Y));
            if (metres <= bestMetres)
            {
                (best, bestMetres) = (a, metres);
            }
        }

        return best;
    }
}
