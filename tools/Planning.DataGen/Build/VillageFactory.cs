using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;

namespace Planning.DataGen.Build;

/// <summary>Village records: names, NBS-style codes (town code + 201, 202, …), residents and households.</summary>
public static class VillageFactory
{
    public static List<ResidentialArea> Create(
        IReadOnlyList<AdminArea> towns,
        IReadOnlyList<IReadOnlyList<Coordinate>> sitesByTown,
        IReadOnlyList<List<Geometry>> geometriesByTown,
        NameGenerator names,
        double personsPerHousehold,
        SeededRandom random)
    {
        var villages = new List<ResidentialArea>();
        for (var t = 0; t < towns.Count; t++)
        {
            var town = towns[t];
            var inTown = new List<ResidentialArea>();
            for (var v = 0; v < sitesByTown[t].Count; v++)
            {
                if (geometriesByTown[t][v].IsEmpty)
                {
                    continue;
                }

                inTown.Add(new ResidentialArea(ResidentialKind.Village, town, sitesByTown[t][v])
                {
                    Geometry = geometriesByTown[t][v],
                    Name = v == 0 ? names.SeatVillage(town.ShortName) : names.Village(),
                    Code = town.Code + (201 + inTown.Count).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            var seatShare = random.Range(0.07, 0.11);
            var weights = inTown
                .Select((village, i) => i == 0 ? 0.0 : Math.Sqrt(LocalProjection.AreaKm2(village.Geometry)) * random.Range(0.6, 1.4))
                .ToList();
            var seatPopulation = (int)Math.Round(town.Population * seatShare);
            weights[0] = 0;
            var others = LargestRemainder.Split(town.Population - seatPopulation, weights);
            for (var i = 0; i < inTown.Count; i++)
            {
                inTown[i].Population = i == 0 ? seatPopulation : others[i];
                inTown[i].Households = PopulationPlanner.Households(inTown[i].Population, personsPerHousehold, random);
            }

            villages.AddRange(inTown);
        }

        return villages;
    }
}
