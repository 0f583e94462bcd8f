using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

namespace Planning.DataGen.Geo;

/// <summary>
/// All dividing lines of the district noded together once, on the 6-decimal grid, and cut into
/// faces. Every street, town and village is a union of whole faces, so neighbours share exactly
/// the same edges: no overlaps, no gaps, and every child lies exactly inside its parent.
/// </summary>
public sealed class PlanarPartition
{
    private readonly List<Dictionary<int, double>> _neighbours;

    private PlanarPartition(List<Polygon> faces)
    {
        Faces = faces;
        InteriorPoints = faces.Select(f => f.InteriorPoint.Coordinate).ToList();
        _neighbours = BuildAdjacency(faces);
    }

    public IReadOnlyList<Polygon> Faces { get; }

    public IReadOnlyList<Coordinate> InteriorPoints { get; }

    public static PlanarPartition FromLines(IReadOnlyList<Geometry> lines)
    {
        var collection = GeoOps.Factory.BuildGeometry(lines);
        var noded = UnaryUnionNG.Union(collection, GeoOps.Grid);
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(noded);
        var faces = polygonizer.GetPolygons()
            .Cast<Polygon>()
            .Where(f => f.Area > 0)
            .Select(f => (Face: f, Point: f.InteriorPoint.Coordinate))
            .OrderBy(f => f.Point.X)
            .ThenBy(f => f.Point.Y)
            .Select(f => f.Face)
            .ToList();
        return new PlanarPartition(faces);
    }

    /// <summary>Faces sharing at least one edge with a face, with the shared length in degrees.</summary>
    public IReadOnlyDictionary<int, double> Neighbours(int face) => _neighbours[face];

    /// <summary>The exact union of whole faces (no snapping: shared edges simply drop out).</summary>
    public Geometry Union(IEnumerable<int> faces)
    {
        var polygons = faces.Select(f => Faces[f]).ToArray();
        if (polygons.Length == 1)
        {
            return GeoOps.Polygonal(polygons[0]);
        }

        return GeoOps.Polygonal(CoverageUnion.Union(GeoOps.Factory.CreateMultiPolygon(polygons)));
    }

    /// <summary>Groups of faces connected through shared edges, in order of their first face.</summary>
    public List<List<int>> Components(IReadOnlyCollection<int> faces)
    {
        var members = faces.ToHashSet();
        var seen = new HashSet<int>();
        var components = new List<List<int>>();
        foreach (var start in faces.OrderBy(f => f))
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var component = new List<int>();
            var stack = new Stack<int>([start]);
            while (stack.Count > 0)
            {
                var face = stack.Pop();
                component.Add(face);
                foreach (var next in _neighbours[face].Keys.Where(n => members.Contains(n)).OrderBy(n => n))
                {
                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            component.Sort();
            components.Add(component);
        }

        return components;
    }

    private static List<Dictionary<int, double>> BuildAdjacency(List<Polygon> faces)
    {
        var facesBySegment = new Dictionary<(long, long, long, long), List<int>>();
        var lengths = new Dictionary<(long, long, long, long), double>();
        for (var f = 0; f < faces.Count; f++)
        {
            foreach (var ring in new[] { faces[f].Shell }.Concat(faces[f].Holes))
            {
                var coords = ring.Coordinates;
                for (var i = 0; i + 1 < coords.Length; i++)
                {
                    var key = SegmentKey(coords[i], coords[i + 1]);
                    if (!facesBySegment.TryGetValue(key, out var list))
                    {
                        list = [];
                        facesBySegment[key] = list;
                        lengths[key] = coords[i].Distance(coords[i + 1]);
                    }

                    list.Add(f);
                }
            }
        }

        var neighbours = faces.Select(_ => new Dictionary<int, double>()).ToList();
        foreach (var (key, list) in facesBySegment)
        {
            if (list.Count != 2 || list[0] == list[1])
            {
                continue;
            }

            var (a, b) = (list[0], list[1]);
            neighbours[a][b] = neighbours[a].GetValueOrDefault(b) + lengths[key];
            neighbours[b][a] = neighbours[b].GetValueOrDefault(a) + lengths[key];
        }

        return neighbours;
    }

    private static (long, long, long, long) SegmentKey(Coordinate a, Coordinate b)
    {
        var (ax, ay) = (Grid(a.X), Grid(a.Y));
        var (bx, by) = (Grid(b.X), Grid(b.Y));
        return (ax, ay).CompareTo((bx, by)) <= 0 ? (ax, ay, bx, by) : (bx, by, ax, ay);
    }

    private static long Grid(double value) => (long)Math.Round(value * 1_000_000d);
}
