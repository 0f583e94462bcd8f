using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// The schools of one town: the central primary school at the seat, as many village primary
/// schools as the town's pupils need (spread over the town by k-medoids on the villages), the town
/// junior school near the seat (a second one in big towns) and, in a few towns, a nine-year school
/// in place of the farthest village school. Villages go whole to their nearest school; when a
/// school would be too full, the town gets one more village school. Tracks follow the largest grade.
/// </summary>
public sealed class RuralSchoolPlanner(LocalProjection projection, SeededRandom random)
{
    /// <summary>Schools are filled to at most this share of their largest possible size.</summary>
    private const double FillLimit = 0.88;

    private const int MedoidRounds = 6;

    /// <summary>Typical pupils of a town central primary school and of a village school: sets how many village schools a town has.</summary>
    private const double CentralPrimaryPupils = 600;
    private const double VillageSchoolPupils = 330;

    /// <summary>A town whose junior pupils exceed this share of the largest town junior school gets a second one.</summary>
    private const double SecondJuniorShare = 0.6;

    public List<School> Plan(AdminArea town, IReadOnlyList<ResidentialArea> villages, bool withNineYear)
    {
        var seatVillage = villages[0];
        if (!seatVillage.Site.Equals2D(town.Seat))
        {
            throw new InvalidOperationException($"{town.Name}: the seat village comes first");
        }

        var primarySchools = PlanPrimary(town, villages, withNineYear);
        var juniorSchools = PlanJunior(town, villages, primarySchools);
        foreach (var school in primarySchools.Concat(juniorSchools).Distinct())
        {
            var primary = school.TeachesPrimary ? Tracks(school, villages, SchoolPart.Primary) : 0;
            var junior = school.TeachesJunior ? Tracks(school, villages, SchoolPart.Junior) : 0;
            school.Tracks.Add(new TracksEntry(Term.Base, primary, junior));
        }

        return primarySchools.Concat(juniorSchools.Where(j => j.Level == SchoolLevel.Junior)).ToList();
    }

    private List<School> PlanPrimary(AdminArea town, IReadOnlyList<ResidentialArea> villages, bool withNineYear)
    {
        var demand = villages.Sum(v => UrbanSchoolPlanner.PartStudents(v, SchoolPart.Primary));
        var count = Math.Max(1, (int)Math.Floor(((demand - CentralPrimaryPupils) / VillageSchoolPupils) + 0.5));
        while (true)
        {
            var sites = VillageSchoolSites(villages, count);
            var schools = new List<School> { new(SchoolLevel.Primary, SchoolKind.Existing, SchoolRole.TownCentralPrimary, town, town.Seat) };
            for (var i = 0; i < sites.Count; i++)
            {
                var nineYear = withNineYear && i == sites.Count - 1;
                schools.Add(new School(
                    nineYear ? SchoolLevel.NineYear : SchoolLevel.Primary,
                    SchoolKind.Existing,
                    nineYear ? SchoolRole.TownNineYear : SchoolRole.VillagePrimary,
                    town,
                    sites[i].Site));
            }

            if (TryAssign(villages, schools, SchoolPart.Primary) || count >= villages.Count - 1)
            {
                return schools;
            }

            count++;
        }
    }

    private List<School> PlanJunior(AdminArea town, IReadOnlyList<ResidentialArea> villages, List<School> primarySchools)
    {
        var nineYear = primarySchools.Where(s => s.Level == SchoolLevel.NineYear).ToList();
        foreach (var village in villages.Where(v => v.PrimarySchool?.Level == SchoolLevel.NineYear))
        {
            village.JuniorSchool = village.PrimarySchool;
        }

        var rest = villages.Where(v => v.JuniorSchool is null).ToList();
        var seatVillage = villages[0];
        var juniorSite = PointSampler.Sample(seatVillage.Geometry, 1, 0.3, projection, random.Fork(town.Code + "-junior"), [town.Seat])[0];
        var juniors = new List<School> { new(SchoolLevel.Junior, SchoolKind.Existing, SchoolRole.TownJunior, town, juniorSite) };
        var demand = rest.Sum(v => UrbanSchoolPlanner.PartStudents(v, SchoolPart.Junior));
        var juniorSeats = SchoolStandards.Seats(SchoolPart.Junior, TrackRanges.For(SchoolRole.TownJunior, SchoolPart.Junior).Max);
        if (demand > SecondJuniorShare * juniorSeats)
        {
            var farthest = primarySchools
                .Where(s => s.Role == SchoolRole.VillagePrimary)
                .OrderByDescending(s => projection.DistanceKm(s.Location, town.Seat))
                .First();
            var village = villages.First(v => v.Site.Equals2D(farthest.Location));
            var site = PointSampler.Sample(village.Geometry, 1, 0.3, projection, random.Fork(town.Code + "-junior-2"), [village.Site])[0];
            juniors.Add(new School(SchoolLevel.Junior, SchoolKind.Existing, SchoolRole.TownJunior, town, site));
        }

        TryAssign(rest, juniors, SchoolPart.Junior);
        return juniors.Concat(nineYear).ToList();
    }

    /// <summary>Every village to its nearest school; false when some school ends up past its fill limit.</summary>
    private bool TryAssign(IReadOnlyList<ResidentialArea> villages, IReadOnlyList<School> schools, SchoolPart part)
    {
        var assignment = CatchmentAssigner.Nearest(villages, schools, projection);
        foreach (var (village, school) in assignment)
        {
            if (part == SchoolPart.Primary)
            {
                village.PrimarySchool = school;
            }
            else
            {
                village.JuniorSchool = school;
            }
        }

        return schools.All(s =>
            assignment.Where(a => a.Value == s).Sum(a => UrbanSchoolPlanner.PartStudents(a.Key, part)) <= FillLimit * TrackRanges.MaxSeats(s, part));
    }

    private static int Tracks(School school, IReadOnlyList<ResidentialArea> villages, SchoolPart part)
    {
        var served = villages.Where(v => (part == SchoolPart.Primary ? v.PrimarySchool : v.JuniorSchool) == school).ToList();
        var largestGrade = SchoolStandards.GradeIndexes(part).Max(g => served.Sum(v => v.Students![g]));
        return TrackRanges.Needed(school, part, largestGrade);
    }

    /// <summary>
    /// Villages that host a village school: k-medoids over the villages weighted by pupils, with
    /// the seat fixed as the central school's medoid; starts from a farthest-point spread. The
    /// medoid farthest from the seat comes last.
    /// </summary>
    private List<ResidentialArea> VillageSchoolSites(IReadOnlyList<ResidentialArea> villages, int count)
    {
        var seat = villages[0];
        var medoids = new List<ResidentialArea> { seat };
        while (medoids.Count <= count)
        {
            medoids.Add(villages.Where(v => !medoids.Contains(v)).OrderByDescending(v => medoids.Min(m => Distance(v, m))).First());
        }

        for (var round = 0; round < MedoidRounds; round++)
        {
            var clusters = medoids.Select(_ => new List<ResidentialArea>()).ToList();
            foreach (var village in villages)
            {
                clusters[Enumerable.Range(0, medoids.Count).MinBy(i => Distance(village, medoids[i]))].Add(village);
            }

            for (var i = 1; i < medoids.Count; i++)
            {
                var members = clusters[i];
                if (members.Count == 0)
                {
                    continue;
                }

                medoids[i] = members
                    .Where(m => m != seat)
                    .MinBy(candidate => members.Sum(m => Distance(candidate, m) * (1 + UrbanSchoolPlanner.PartStudents(m, SchoolPart.Primary))))
                    ?? medoids[i];
            }
        }

        return medoids.Skip(1).Distinct().OrderBy(m => Distance(m, seat)).ToList();
    }

    private double Distance(ResidentialArea a, ResidentialArea b) => projection.DistanceKm(a.Site, b.Site);
}
