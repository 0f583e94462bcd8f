using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Planning.DataGen.Core;

namespace Planning.DataGen.Geo;

/// <summary>Dart throwing: random points inside a region, no two closer than a minimum distance.</summary>
public static class PointSampler
{
    private const int AttemptsPerPoint = 300;

    /// <summary>
    /// Adds up to <paramref name="count"/> points to <paramref name="existing"/> (degrees). When the
    /// region is too crowded for the spacing, the spacing shrinks by 10 % and throwing goes on.
    /// </summary>
    public static List<Coordinate> Sample(
        Geometry region,
        int count,
        double minDistanceKm,
        LocalProjection projection,
        SeededRandom random,
        IReadOnlyList<Coordinate>? existing = null,
        Func<Coordinate, bool>? accept = null)
    {
        var locator = new IndexedPointInAreaLocator(region);
        var envelope = region.EnvelopeInternal;
        var placedKm = (existing ?? []).Select(projection.ToKm).ToList();
        var result = new List<Coordinate>();
        var spacing = minDistanceKm;
        var failures = 0;
        while (result.Count < count)
        {
            var candidate = new Coordinate(
                random.Range(envelope.MinX, envelope.MaxX),
                random.Range(envelope.MinY, envelope.MaxY));
            candidate = new Coordinate(Math.Round(candidate.X, 6), Math.Round(candidate.Y, 6));
            var candidateKm = projection.ToKm(candidate);
            var fits = locator.Locate(candidate) == Location.Interior
                && placedKm.TrueForAll(p => p.Distance(candidateKm) >= spacing)
                && (accept is null || accept(candidate));
            if (fits)
            {
                result.Add(candidate);
                placedKm.Add(candidateKm);
                failures = 0;
            }
            else if (++failures > AttemptsPerPoint)
            {
                spacing *= 0.9;
                failures = 0;
            }
        }

        return result;
    }
}
