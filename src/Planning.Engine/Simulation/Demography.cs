using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>How many pupils live in an area: grade-1 intake and pupils of new residents.</summary>
internal static class Demography
{
    /// <summary>Pupils per resident in one grade: the primary norm spread over 6 grades, the junior norm over 3.</summary>
    public static double PerGrade(SimulationParameters p, int grade) =>
        Grades.PartOf(grade) == SchoolPart.Primary
            ? p.PrimaryNormPerThousand / 1000 / Grades.CountOf(SchoolPart.Primary)
            : p.JuniorNormPerThousand / 1000 / Grades.CountOf(SchoolPart.Junior);

    /// <summary>Pupils expected in one grade at the area's occupancy in <paramref name="term"/>.</summary>
    public static double Expected(ResidentialArea area, SimulationParameters p, Term term, int grade) =>
        area.Population * area.OccupancyIn(term) * PerGrade(p, grade);

    /// <summary>
    /// Grade-1 pupils starting in autumn <paramref name="term"/>: the area's known base grade-1
    /// count scaled by occupancy when known, otherwise population × occupancy × norm / 6.
    /// </summary>
    public static int Intake(ResidentialArea? area, SimulationParameters p, Term term)
    {
        if (area is null)
        {
            return 0;
        }

        var startOccupancy = area.OccupancyIn(p.Start);
        if (area.BaseStudents is { } known && startOccupancy > 0)
        {
            return (int)Math.Round(known[0] * area.OccupancyIn(term) / startOccupancy, MidpointRounding.AwayFromZero);
        }

        return (int)Math.Round(Expected(area, p, term, 1), MidpointRounding.AwayFromZero);
    }

    /// <summary>Pupils in <paramref name="grade"/> brought by residents who moved in since <paramref name="previous"/>.</summary>
    public static int Arrivals(ResidentialArea? area, SimulationParameters p, Term term, Term previous, int grade)
    {
        if (area is null)
        {
            return 0;
        }

        var growth = area.OccupancyIn(term) - area.OccupancyIn(previous);
        return growth <= 0 ? 0 : (int)Math.Round(area.Population * growth * PerGrade(p, grade), MidpointRounding.AwayFromZero);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainder).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }
}
