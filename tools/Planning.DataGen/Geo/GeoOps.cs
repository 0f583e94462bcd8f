using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Precision;

namespace Planning.DataGen.Geo;

/// <summary>
/// Overlay on the 6-decimal grid that the files are written with. OverlayNG snap-rounds
/// every result to that grid, so what is computed is exactly what is written, and stays valid.
/// </summary>
public static class GeoOps
{
    public static readonly PrecisionModel Grid = new(1_000_000d);

    public static readonly GeometryFactory Factory = new(Grid, 4326);

    public static Geometry Reduce(Geometry geometry) => Polygonal(GeometryPrecisionReducer.Reduce(geometry, Grid));

    public static Geometry Intersection(Geometry a, Geometry b) =>
        Polygonal(OverlayNG.Overlay(a, b, SpatialFunction.Intersection, Grid));

    public static Geometry Difference(Geometry a, Geometry b) =>
        Polygonal(OverlayNG.Overlay(a, b, SpatialFunction.Difference, Grid));

    /// <summary>Keeps only the polygons of a result: a Polygon, a MultiPolygon or an empty Polygon.</summary>
    public static Geometry Polygonal(Geometry geometry)
    {
        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        return polygons.Length switch
        {
            0 => Factory.CreatePolygon(),
            1 => Factory.CreatePolygon(polygons[0].Shell, polygons[0].Holes),
            _ => Factory.CreateMultiPolygon(polygons),
        };
    }

    public static IReadOnlyList<Polygon> Parts(Geometry geometry) =>
        PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToList();
}
