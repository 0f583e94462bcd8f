using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>Students by grade in the base term for every occupied area; null where nobody lives yet.</summary>
public static class StudentGenerator
{
    public static void Apply(IEnumerable<ResidentialArea> areas, SeededRandom random)
    {
        foreach (var area in areas)
        {
            var occupancy = area.OccupancyIn(Term.Base);
            if (occupancy <= 0)
            {
                area.Students = null;
                continue;
            }

            var areaFactor = random.Range(0.85, 1.15);
            area.Students = StudentRates.Expected(area, occupancy)
                .Select(expected => RoundRandomly(expected * areaFactor * random.Range(0.9, 1.1), random))
                .ToArray();
        }
    }

    private static int RoundRandomly(double value, SeededRandom random)
    {
        var whole = Math.Floor(value);
        return (int)whole + (random.NextDouble() < value - whole ? 1 : 0);
    }
}
