using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using Planning.DataGen.Geo;

namespace Planning.DataGen.Build;

/// <summary>
/// Places the seats of towns that have no open coordinates in the largest gaps: the point of a
/// 0.5 km grid over the rural part of the district that lies farthest from every known seat, the
/// urban area and (weighted ×1.5) the district boundary. Deterministic: no randomness at all.
/// </summary>
public static class SyntheticSeatPlacer
{
    private const double GridStepKm = 0.5;
    private const double BoundaryWeight = 1.5;

    public static Coordinate PlaceInLargestGap(
        Geometry rural, Geometry district, Geometry urban, IReadOnlyList<Coordinate> seats, LocalProjection projection)
    {
        var locator = new IndexedPointInAreaLocator(rural);
        var boundaryDistance = new IndexedFacetDistance(projection.ToKm(district.Boundary));
        var urbanDistance = new IndexedFacetDistance(projection.ToKm(urban.Boundary));
        var seatsKm = seats.Select(projection.ToKm).ToList();
        var envelope = projection.ToKm(rural).EnvelopeInternal;

        Coordinate? best = null;
        var bestScore = double.MinValue;
        for (var y = Math.Ceiling(envelope.MinY); y <= envelope.MaxY; y += GridStepKm)
        {
            for (var x = Math.Ceiling(envelope.MinX); x <= envelope.MaxX; x += GridStepKm)
            {
                var km = new Coordinate(x, y);
                var degrees = projection.ToDegrees(km);
                degrees = new Coordinate(Math.Round(degrees.X, 6), Math.Round(degrees.Y, 6));
                if (locator.Locate(degrees) != Location.Interior)
                {
                    continue;
                }

                var point = GeoOps.Factory.CreatePoint(km);
                var score = Math.Min(
                    seatsKm.Min(s => s.Distance(km)),
                    Math.Min(urbanDistance.Distance(point), BoundaryWeight * boundaryDistance.Distance(point)));
                if (score > bestScore)
                {
                    bestScore = score;
                    best = degrees;
                }
            }
        }

        return best ?? throw new InvalidOperationException("no room left for a synthetic town seat");
    }
}
