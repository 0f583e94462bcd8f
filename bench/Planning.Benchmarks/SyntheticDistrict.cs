using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Benchmarks;

/// <summary>
/// Deterministic synthetic districts shaped like Baodi: urban compounds clustered around town
/// seats, villages spread over the countryside (about 1.5 km² of district per area), schools
/// placed where people live, residents scaled to Baodi's pupils per school (0.11 schools per
/// area). Existing areas start at their nearest school; capacities are set from that load × 1.0–1.5
/// in tracks (rounded up), so the district is tight but mostly feasible. One school in ten is new (opening
/// 2021-spring, empty) and one compound in ten is new (occupied from 2021-autumn, ramping up),
/// so the solver has real redistribution to do.
/// </summary>
internal static class SyntheticDistrict
{
    private const double OriginLongitude = 117.3;
    private const double OriginLatitude = 39.7;

    public static SimulationInput Generate(int areaCount, int schoolCount, int seed, SimulationParameters parameters)
    {
        var random = new Random(seed);
        // Baodi has about 0.11 schools per area; fewer schools per area get fewer residents per area,
        // so that every size has Baodi-like pupils per school.
        var scale = Math.Min(1, schoolCount / (areaCount * 0.11));
        var side = Math.Sqrt(areaCount * 1.5) * 1000;
        var towns = Enumerable.Range(0, Math.Max(1, areaCount / 1000))
            .Select(_ => (X: random.NextDouble() * side, Y: random.NextDouble() * side))
            .ToArray();

        var spots = new List<(double X, double Y, bool Compound, int Population)>();
        for (var i = 0; i < areaCount; i++)
        {
            var compound = random.NextDouble() < 0.4;
            if (compound)
            {
                var town = towns[random.Next(towns.Length)];
                spots.Add((town.X + Gaussian(random) * 2000, town.Y + Gaussian(random) * 2000, true, (int)(random.Next(600, 2500) * scale)));
            }
            else
            {
                spots.Add((random.NextDouble() * side, random.NextDouble() * side, false, (int)(random.Next(150, 800) * scale)));
            }
        }

        var schoolSpots = new List<(double X, double Y, SchoolLevel Level, bool New)>();
        for (var s = 0; s < schoolCount; s++)
        {
            var at = spots[random.Next(spots.Count)];
            var level = random.NextDouble() switch { < 0.55 => SchoolLevel.Primary, < 0.8 => SchoolLevel.Junior, _ => SchoolLevel.NineYear };
            schoolSpots.Add((at.X + random.Next(-300, 300), at.Y + random.Next(-300, 300), level, random.NextDouble() < 0.1));
        }

        // Make sure both levels exist among the schools open from the start.
        schoolSpots[0] = schoolSpots[0] with { Level = SchoolLevel.NineYear, New = false };

        var start = parameters.Start;
        var opening = new Term(2021, Season.Spring);
        var newAreaFrom = new Term(2021, Season.Autumn);
        var load = new double[schoolCount * 9];
        var areas = new List<ResidentialArea>();
        for (var i = 0; i < spots.Count; i++)
        {
            var (x, y, compound, population) = spots[i];
            var isNew = compound && random.NextDouble() < 0.1;
            var code = $"A{i:D6}";
            if (isNew)
            {
                areas.Add(new ResidentialArea(code, AreaKind.Compound, Point(x, y), population, newAreaFrom, [0.3, 0.6, 0.9, 1.0]));
                continue;
            }

            var primary = Nearest(schoolSpots, x, y, SchoolLevel.Junior);
            var junior = Nearest(schoolSpots, x, y, SchoolLevel.Primary);
            var students = new int[9];
            for (var grade = 1; grade <= 9; grade++)
            {
                var norm = grade <= 6 ? parameters.PrimaryNormPerThousand / 6 : parameters.JuniorNormPerThousand / 3;
                students[grade - 1] = (int)Math.Round(population * norm / 1000 * (0.8 + 0.4 * random.NextDouble()));
                load[(grade <= 6 ? primary : junior) * 9 + grade - 1] += students[grade - 1];
            }

            areas.Add(new ResidentialArea(
                code, compound ? AreaKind.Compound : AreaKind.Village, Point(x, y), population,
                BaseStudents: students, PrimarySchool: $"S{primary:D5}", JuniorSchool: $"S{junior:D5}"));
        }

        var schools = new List<School>();
        for (var s = 0; s < schoolCount; s++)
        {
            var (x, y, level, isNew) = schoolSpots[s];
            var enrolment = Enumerable.Range(0, 9).Select(g => (int)load[s * 9 + g]).ToArray();
            int Tracks(bool teaches, int first, int last, int limit) =>
                !teaches ? 0
                : isNew ? random.Next(4, 10)
                : Math.Max(1, (int)Math.Ceiling(Enumerable.Range(first, last - first + 1).Max(g => enrolment[g - 1]) / (double)limit * (1.0 + 0.5 * random.NextDouble())));
            var primaryTracks = Tracks(level != SchoolLevel.Junior, 1, 6, parameters.Standard.PrimaryClassLimit);
            var juniorTracks = Tracks(level != SchoolLevel.Primary, 7, 9, parameters.Standard.JuniorClassLimit);
            schools.Add(new School($"S{s:D5}", level, Point(x, y), [new TrackStep(isNew ? opening : start, primaryTracks, juniorTracks)], enrolment));
        }

        return new SimulationInput(schools, areas, parameters);
    }

    private static int Nearest(List<(double X, double Y, SchoolLevel Level, bool New)> schools, double x, double y, SchoolLevel excluded)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var s = 0; s < schools.Count; s++)
        {
            var d = (schools[s].X - x) * (schools[s].X - x) + (schools[s].Y - y) * (schools[s].Y - y);
            if (!schools[s].New && schools[s].Level != excluded && d < bestDistance)
            {
                (best, bestDistance) = (s, d);
            }
        }

        return best;
    }

    private static GeoPoint Point(double x, double y) => new(
        OriginLongitude + x / (111_320 * Math.Cos(double.DegreesToRadians(OriginLatitude))),
        OriginLatitude + y / 110_574);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
