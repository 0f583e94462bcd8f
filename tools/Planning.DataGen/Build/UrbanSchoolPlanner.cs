using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// Creates the urban schools and their base-term catchments. The two new schools opened in 2019
/// serve the few compounds nearest to them (up to half their seats); every other occupied compound
/// goes to the old town's schools, split so that they all carry about the same overload — the
/// situation the plan addresses.
/// The schools opening in 2020-autumn and later have no catchment yet.
/// </summary>
public sealed class UrbanSchoolPlanner(LocalProjection projection)
{
    /// <summary>The schools opened in 2019 serve the compounds nearest to them up to this share of their seats.</summary>
    private const double EarlyNewSchoolFill = 0.5;

    public List<School> Create(UrbanSiteSelector sites, IReadOnlyList<AdminArea> streets)
    {
        var schools = new List<School>();
        for (var i = 0; i < sites.ExistingPrimary.Count; i++)
        {
            schools.Add(Open(SchoolLevel.Primary, SchoolKind.Existing, sites.ExistingPrimary[i], streets, Term.Base, UrbanSchoolPlan.ExistingPrimaryTracks[i], 0));
        }

        for (var i = 0; i < sites.ExistingJunior.Count; i++)
        {
            schools.Add(Open(SchoolLevel.Junior, SchoolKind.Existing, sites.ExistingJunior[i], streets, Term.Base, 0, UrbanSchoolPlan.ExistingJuniorTracks[i]));
        }

        for (var i = 0; i < UrbanSchoolPlan.NewSchools.Count; i++)
        {
            var plan = UrbanSchoolPlan.NewSchools[i];
            schools.Add(Open(plan.Level, plan.Kind, sites.New[i], streets, plan.Opening, plan.PrimaryTracks, plan.JuniorTracks));
        }

        return schools;
    }

    public void AssignBaseCatchments(IReadOnlyList<School> schools, IReadOnlyList<ResidentialArea> compounds)
    {
        var occupied = compounds.Where(c => c.Students is not null).ToList();
        var early = schools.Where(s => s.Kind == SchoolKind.New && s.Opening < Term.Base).ToList();
        var taken = new HashSet<ResidentialArea>();
        foreach (var school in early)
        {
            var part = school.TeachesPrimary ? SchoolPart.Primary : SchoolPart.Junior;
            var seats = SchoolStandards.Seats(part, PartTracks(school, part));
            var load = 0;
            var nearest = occupied
                .Where(c => !taken.Contains(c))
                .OrderBy(c => projection.DistanceKm(c.Site, school.Location));
            foreach (var compound in nearest.ToList())
            {
                load += PartStudents(compound, part);
                if (load > EarlyNewSchoolFill * seats)
                {
                    break;
                }

                taken.Add(compound);
                compound.PrimarySchool = school.TeachesPrimary ? school : null;
                compound.JuniorSchool = school.TeachesJunior ? school : null;
            }
        }

        foreach (var part in new[] { SchoolPart.Primary, SchoolPart.Junior })
        {
            var existing = schools.Where(s => s.Kind == SchoolKind.Existing && s.Teaches(part)).ToList();
            var rest = occupied.Where(c => (part == SchoolPart.Primary ? c.PrimarySchool : c.JuniorSchool) is null).ToList();
            var demand = rest.Sum(c => PartStudents(c, part));
            var seats = existing.Sum(s => SchoolStandards.Seats(part, PartTracks(s, part)));
            var load = Math.Max(1.0, (double)demand / seats);
            var assignment = CatchmentAssigner.Balanced(
                rest, existing, c => PartStudents(c, part), s => SchoolStandards.Seats(part, PartTracks(s, part)) * load, projection);
            foreach (var (compound, school) in assignment)
            {
                if (part == SchoolPart.Primary)
                {
                    compound.PrimarySchool = school;
                }
                else
                {
                    compound.JuniorSchool = school;
                }
            }
        }
    }

    public static int PartStudents(ResidentialArea area, SchoolPart part) =>
        area.Students is null ? 0 : SchoolStandards.GradeIndexes(part).Sum(g => area.Students[g]);

    private static int PartTracks(School school, SchoolPart part) =>
        part == SchoolPart.Primary ? school.Tracks[0].Primary : school.Tracks[0].Junior;

    private School Open(SchoolLevel level, SchoolKind kind, Coordinate site, IReadOnlyList<AdminArea> streets, Term opening, int primary, int junior)
    {
        var point = GeoOps.Factory.CreatePoint(site);
        var street = streets.First(s => s.Geometry.Covers(point));
        var role = level switch
        {
            SchoolLevel.Primary => SchoolRole.UrbanPrimary,
            SchoolLevel.Junior => SchoolRole.UrbanJunior,
            _ => SchoolRole.UrbanNineYear,
        };
        var school = new School(level, kind, role, street, site);
        school.Tracks.Add(new TracksEntry(opening, primary, junior));
        return school;
    }
}
