using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.DataGen.Sources;

namespace Planning.DataGen.Build;

/// <summary>
/// Splits the census total over streets and towns: the streets together hold the census urban
/// share, in proportion to area (宝平, the old centre, denser); towns by area^0.75 with noise.
/// </summary>
public static class PopulationPlanner
{
    public static void Apply(CensusFigures census, IReadOnlyList<AdminArea> streets, IReadOnlyList<AdminArea> towns, SeededRandom random)
    {
        var urban = (int)Math.Round(census.Population * census.UrbanShare);
        var streetWeights = streets
            .Select(s => LocalProjection.AreaKm2(s.Geometry) * (s.Name == "宝平街道" ? 1.5 : random.Range(0.85, 1.15)))
            .ToList();
        var townWeights = towns
            .Select(t => PowerThreeQuarters(LocalProjection.AreaKm2(t.Geometry)) * random.Range(0.85, 1.15))
            .ToList();
        Assign(streets, LargestRemainder.Split(urban, streetWeights));
        Assign(towns, LargestRemainder.Split(census.Population - urban, townWeights));
    }

    /// <summary>Households at full occupancy: the census persons per household, ±4 %.</summary>
    public static int Households(int population, double personsPerHousehold, SeededRandom random) =>
        (int)Math.Round(population / (personsPerHousehold * random.Range(0.96, 1.04)));

    private static void Assign(IReadOnlyList<AdminArea> areas, int[] populations)
    {
        for (var i = 0; i < areas.Count; i++)
        {
            areas[i].Population = populations[i];
        }
    }

    /// <summary>x^0.75 from square roots only (exactly rounded everywhere, unlike Math.Pow).</summary>
    private static double PowerThreeQuarters(double x) => Math.Sqrt(x) * Math.Sqrt(Math.Sqrt(x));
}
