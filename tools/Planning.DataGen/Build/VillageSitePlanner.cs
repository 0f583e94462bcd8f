using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;

namespace Planning.DataGen.Build;

/// <summary>Where the villages of each town are: the seat village first, then sites spread by dart throwing.</summary>
public static class VillageSitePlanner
{
    /// <summary>Mean ground of a village (km²); gives about 690 villages over the rural district.</summary>
    public const double MeanVillageAreaKm2 = 2.1;

    private const int MinimumVillagesPerTown = 10;

    public static List<IReadOnlyList<Coordinate>> Plan(IReadOnlyList<AdminArea> towns, LocalProjection projection, SeededRandom random)
    {
        var result = new List<IReadOnlyList<Coordinate>>();
        foreach (var town in towns)
        {
            var areaKm2 = LocalProjection.AreaKm2(town.Geometry);
            var count = Math.Max(MinimumVillagesPerTown, (int)Math.Round(areaKm2 / MeanVillageAreaKm2));
            var spacing = 0.8 * Math.Sqrt(areaKm2 / count);
            var sites = new List<Coordinate> { town.Seat };
            sites.AddRange(PointSampler.Sample(town.Geometry, count - 1, spacing, projection, random.Fork(town.Code), sites));
            result.Add(sites);
        }

        return result;
    }
}
