using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Planning.DataGen.Geo;

/// <summary>Voronoi cells of sites, computed in local kilometres (where distances are true).</summary>
public static class VoronoiCells
{
    private static readonly GeometryFactory FloatingFactory = new();

    /// <summary>One convex cell per site, in site order, in degrees, clipped to a box around the region.</summary>
    public static List<Geometry> RawCells(LocalProjection projection, IReadOnlyList<Coordinate> sitesDegrees, Geometry regionDegrees)
    {
        var sitesKm = sitesDegrees.Select(projection.ToKm).ToList();
        var clip = new Envelope(projection.ToKm(regionDegrees).EnvelopeInternal);
        clip.ExpandBy(5.0);
        if (sitesKm.Count == 1)
        {
            return [projection.ToDegrees(FloatingFactory.ToGeometry(clip))];
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = clip };
        builder.SetSites(sitesKm);
        var diagram = builder.GetDiagram(FloatingFactory);

        var cellsBySite = new Dictionary<(double X, double Y), Geometry>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            cellsBySite[(site.X, site.Y)] = cell;
        }

        return sitesKm.Select(site => projection.ToDegrees(cellsBySite[(site.X, site.Y)])).ToList();
    }

    /// <summary>One cell per site, in site order, clipped (on the grid) to the region.</summary>
    public static List<Geometry> Build(LocalProjection projection, IReadOnlyList<Coordinate> sitesDegrees, Geometry regionDegrees) =>
        RawCells(projection, sitesDegrees, regionDegrees).Select(cell => GeoOps.Intersection(regionDegrees, cell)).ToList();
}
