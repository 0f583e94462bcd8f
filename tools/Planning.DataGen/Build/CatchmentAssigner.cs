using Planning.DataGen.Geo;
using Planning.DataGen.Model;

namespace Planning.DataGen.Build;

/// <summary>Whole areas to schools by (weighted) distance, so that catchments stay contiguous.</summary>
public static class CatchmentAssigner
{
    private const int BalancingRounds = 200;

    /// <summary>Every area to its nearest school.</summary>
    public static Dictionary<ResidentialArea, School> Nearest(
        IReadOnlyList<ResidentialArea> areas, IReadOnlyList<School> schools, LocalProjection projection) =>
        Weighted(areas, schools, schools.Select(_ => 1.0).ToArray(), projection);

    /// <summary>
    /// A multiplicatively weighted Voronoi split: an area goes to the school with the least
    /// distance / weight, and the weights are tuned so that each school's load comes close to its
    /// target (a school over target shrinks, one under target grows).
    /// </summary>
    public static Dictionary<ResidentialArea, School> Balanced(
        IReadOnlyList<ResidentialArea> areas,
        IReadOnlyList<School> schools,
        Func<ResidentialArea, int> demand,
        Func<School, double> target,
        LocalProjection projection)
    {
        var weights = schools.Select(_ => 1.0).ToArray();
        var assignment = Weighted(areas, schools, weights, projection);
        for (var round = 0; round < BalancingRounds; round++)
        {
            var loads = schools.ToDictionary(s => s, _ => 0.0);
            foreach (var (area, school) in assignment)
            {
                loads[school] += demand(area);
            }

            for (var s = 0; s < schools.Count; s++)
            {
                var ratio = target(schools[s]) / Math.Max(loads[schools[s]], 1.0);
                weights[s] *= Math.Clamp(Math.Sqrt(Math.Sqrt(ratio)), 0.9, 1.1);
            }

            assignment = Weighted(areas, schools, weights, projection);
        }

        return assignment;
    }

    private static Dictionary<ResidentialArea, School> Weighted(
        IReadOnlyList<ResidentialArea> areas, IReadOnlyList<School> schools, double[] weights, LocalProjection projection)
    {
        var result = new Dictionary<ResidentialArea, School>();
        foreach (var area in areas)
        {
            var best = 0;
            var bestScore = double.MaxValue;
            for (var s = 0; s < schools.Count; s++)
            {
                var score = projection.DistanceKm(area.Site, schools[s].Location) / weights[s];
                if (score < bestScore)
                {
                    best = s;
                    bestScore = score;
                }
            }

            result[area] = schools[best];
        }

        return result;
    }
}
