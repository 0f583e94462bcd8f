using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;

namespace Planning.DataGen.Build;

/// <summary>
/// The compact built-up town (城区) around the district centre: a smooth irregular blob about
/// 9–10 km across, its radius a sum of three random harmonics of the bearing.
/// </summary>
public sealed class UrbanAreaShape
{
    public const double MeanRadiusKm = 4.6;
    private const int Vertices = 72;

    private readonly (double Amplitude, double Phase)[] _harmonics;

    public UrbanAreaShape(SeededRandom random)
    {
        _harmonics =
        [
            (random.Range(0.06, 0.10), random.NextDouble()),
            (random.Range(0.04, 0.08), random.NextDouble()),
            (random.Range(0.02, 0.04), random.NextDouble()),
        ];
    }

    /// <summary>Radius in km at a bearing given in turns (0 = east, 0.25 = north).</summary>
    public double RadiusKm(double turns)
    {
        var factor = 1.0;
        for (var k = 0; k < _harmonics.Length; k++)
        {
            var (amplitude, phase) = _harmonics[k];
            factor += amplitude * DeterministicTrig.CosSin((k + 1) * (turns - phase) * DeterministicTrig.TwoPi).Cos;
        }

        return MeanRadiusKm * factor;
    }

    /// <summary>The blob scaled by <paramref name="scale"/>, in degrees (not yet clipped).</summary>
    public Polygon ToPolygon(LocalProjection projection, double scale = 1.0)
    {
        var ring = new Coordinate[Vertices + 1];
        for (var i = 0; i < Vertices; i++)
        {
            var turns = (double)i / Vertices;
            var (x, y) = DeterministicTrig.Direction(turns);
            var r = RadiusKm(turns) * scale;
            ring[i] = projection.ToDegrees(new Coordinate(x * r, y * r));
        }

        ring[Vertices] = ring[0].Copy();
        return GeoOps.Factory.CreatePolygon(ring);
    }

    /// <summary>A point at a bearing and a fraction of the local radius, in degrees.</summary>
    public Coordinate PointAt(LocalProjection projection, double turns, double radiusFraction)
    {
        var (x, y) = DeterministicTrig.Direction(turns);
        var r = RadiusKm(turns) * radiusFraction;
        var p = projection.ToDegrees(new Coordinate(x * r, y * r));
        return new Coordinate(Math.Round(p.X, 6), Math.Round(p.Y, 6));
    }
}
