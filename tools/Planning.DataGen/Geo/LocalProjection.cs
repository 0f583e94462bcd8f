using NetTopologySuite.Geometries;

namespace Planning.DataGen.Geo;

/// <summary>
/// Equirectangular kilometres around the district centre. The scale factors are constants
/// (cos 39.6° folded in), so converting is plain arithmetic and exact to repeat. Being
/// affine, it maps straight edges to straight edges: Voronoi cells built in kilometres
/// stay valid polygons in degrees.
/// </summary>
public sealed class LocalProjection(Coordinate originDegrees)
{
    public const double KmPerDegreeLongitude = 85.77;
    public const double KmPerDegreeLatitude = 111.0;

    public Coordinate Origin { get; } = originDegrees;

    public Coordinate ToKm(Coordinate degrees) =>
        new((degrees.X - Origin.X) * KmPerDegreeLongitude, (degrees.Y - Origin.Y) * KmPerDegreeLatitude);

    public Coordinate ToDegrees(Coordinate km) =>
        new(Origin.X + (km.X / KmPerDegreeLongitude), Origin.Y + (km.Y / KmPerDegreeLatitude));

    public double DistanceKm(Coordinate a, Coordinate b) => ToKm(a).Distance(ToKm(b));

    public Geometry ToDegrees(Geometry kmGeometry) => Transform(kmGeometry, ToDegrees);

    public Geometry ToKm(Geometry degreeGeometry) => Transform(degreeGeometry, ToKm);

    /// <summary>Square kilometres of a geometry given in degrees.</summary>
    public static double AreaKm2(Geometry degrees) =>
        degrees.Area * KmPerDegreeLongitude * KmPerDegreeLatitude;

    private static Geometry Transform(Geometry geometry, Func<Coordinate, Coordinate> map)
    {
        var copy = geometry.Copy();
        copy.Apply(new CoordinateMapper(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class CoordinateMapper(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var mapped = map(new Coordinate(seq.GetX(i), seq.GetY(i)));
            seq.SetX(i, mapped.X);
            seq.SetY(i, mapped.Y);
        }
    }
}
