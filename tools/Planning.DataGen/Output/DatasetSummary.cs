using System.Globalization;
using System.Text;
using Planning.DataGen.Build;
using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Output;

/// <summary>Counts and totals of a generated dataset, and the urban capacity check; printed by --summary and put in the README.</summary>
public sealed class DatasetSummary
{
    public static readonly Term ProjectionTerm = Term.Autumn(2022);

    private readonly List<(string Label, string Value)> _rows = [];

    private DatasetSummary()
    {
    }

    public IReadOnlyList<(string Label, string Value)> Rows => _rows;

    public static DatasetSummary Compute(Dataset d)
    {
        var s = new DatasetSummary();
        var streets = d.AdminAreas.Where(a => a.Kind == AdminKind.Street).ToList();
        var towns = d.AdminAreas.Where(a => a.Kind == AdminKind.Town).ToList();
        var compounds = d.ResidentialAreas.Where(r => r.Kind == ResidentialKind.Compound).ToList();
        var villages = d.ResidentialAreas.Where(r => r.Kind == ResidentialKind.Village).ToList();
        var newCompounds = compounds.Where(c => c.IsNewCompound).ToList();
        var urbanSchools = d.Schools.Where(x => x.IsUrban).ToList();

        s.Add("residents (district = Σ admin areas = Σ residential areas, full occupancy)", N(d.DistrictPopulation));
        s.Add("residents of the 6 streets (urban share)", $"{N(streets.Sum(a => a.Population))} ({P(streets.Sum(a => a.Population), d.DistrictPopulation)})");
        s.Add("residents of the 18 towns", N(towns.Sum(a => a.Population)));
        s.Add("admin areas: streets / towns", $"{N(streets.Count)} / {N(towns.Count)}");
        s.Add("compounds (of which new)", $"{N(compounds.Count)} ({N(newCompounds.Count)})");
        s.Add("residents of new compounds at full occupancy", N(newCompounds.Sum(c => c.Population)));
        s.Add("villages", N(villages.Count));
        s.Add("households", N(d.ResidentialAreas.Sum(r => r.Households)));

        s.Add("schools: primary / junior / nine-year", Levels(d.Schools));
        s.Add("schools: existing / new / expanded", $"{N(Kind(d.Schools, SchoolKind.Existing))} / {N(Kind(d.Schools, SchoolKind.New))} / {N(Kind(d.Schools, SchoolKind.Expanded))}");
        s.Add("urban schools: primary / junior / nine-year", Levels(urbanSchools));
        s.Add("town schools: primary / junior / nine-year", Levels(d.Schools.Where(x => !x.IsUrban).ToList()));
        s.Add("new schools by opening term", string.Join(", ", d.Schools.Where(x => x.Kind == SchoolKind.New)
            .GroupBy(x => x.Opening).OrderBy(g => g.Key).Select(g => $"{g.Key}: {N(g.Count())}")));

        var primary = d.ResidentialAreas.Sum(r => Sum(r.Students, SchoolPart.Primary));
        var junior = d.ResidentialAreas.Sum(r => Sum(r.Students, SchoolPart.Junior));
        var baseResidents = d.ResidentialAreas.Sum(r => r.Population * r.OccupancyIn(Term.Base));
        s.Add("students 2020-autumn: primary / junior / total", $"{N(primary)} / {N(junior)} / {N(primary + junior)}");
        s.Add("students per 1,000 residents living there in 2020-autumn: primary / junior",
            $"{F(1000.0 * primary / baseResidents)} / {F(1000.0 * junior / baseResidents)}");

        s.Add("urban schools over their size limit in 2020-autumn", N(urbanSchools.Count(x => x.Enrolment.Sum() > SchoolStandards.MaxStudents(x))));
        s.Add("urban schools with a grade over tracks × 45 (primary) / × 50 (junior) in 2020-autumn", N(urbanSchools.Where(x => x.Opening <= Term.Base).Count(HasOversizedClasses)));
        s.Add("largest urban school in 2020-autumn", N(urbanSchools.Max(x => x.Enrolment.Sum())));
        s.Add("school parts meeting the resource standard in 2020-autumn (≥ 6 of 7, 7th ≥ 85 %)", ResourceStandard(d.Schools));
        s.Add($"school parts meeting it with {ProjectionTerm} resources, urban schools at 90 % of their seats, town schools at their 2020 pupils", ResourceStandardAfterPlan(d.Schools));

        foreach (var part in new[] { SchoolPart.Primary, SchoolPart.Junior })
        {
            var name = part == SchoolPart.Primary ? "primary" : "junior";
            var capacity = UrbanCapacity.Seats(urbanSchools, part, UrbanSchoolPlan.AllNewSchoolsOpen);
            var capped = UrbanCapacity.SeatsWithinSizeLimits(urbanSchools, part, UrbanSchoolPlan.AllNewSchoolsOpen);
            var baseDemand = compounds.Sum(c => Sum(c.Students, part));
            var projected = UrbanCapacity.Demand(compounds, part, ProjectionTerm);
            var full = UrbanCapacity.FullOccupancyDemand(compounds, part);
            s.Add($"urban {name} seats from {UrbanSchoolPlan.AllNewSchoolsOpen} (tracks × class limit × grades; within school size limits)", $"{N(capacity)} ({N(capped)})");
            s.Add($"urban {name} students: 2020-autumn / projected {ProjectionTerm} / all compounds full", $"{N(baseDemand)} / {N(projected)} / {N(full)}");
            s.Add($"urban {name} seats within size limits per student, all compounds full", F2(capped / full));
        }

        return s;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| figure | value |\n|---|---|\n");
        foreach (var (label, value) in _rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {label} | {value} |\n");
        }

        return text.ToString();
    }

    private void Add(string label, string value) => _rows.Add((label, value));

    private static bool HasOversizedClasses(School school)
    {
        var tracks = school.TracksIn(Term.Base);
        return Enumerable.Range(0, 9).Any(g =>
        {
            var part = g < 6 ? SchoolPart.Primary : SchoolPart.Junior;
            var partTracks = part == SchoolPart.Primary ? tracks.Primary : tracks.Junior;
            return school.Enrolment[g] > partTracks * SchoolStandards.MaxClassSize(part);
        });
    }

    private static string ResourceStandard(IReadOnlyList<School> schools)
    {
        var open = schools.Where(x => x.Opening <= Term.Base).ToList();
        var parts = open.SelectMany(x => ExpansionPlanner.Parts(x).Select(p => (School: x, Part: p)))
            .Where(x => x.School.PartEnrolment(x.Part) > 0)
            .ToList();
        var meeting = parts.Count(x => SchoolStandards.MeetsResourceStandard(
            x.Part, x.School.Resources.Last(r => r.Part == x.Part && r.From <= Term.Base), x.School.PartEnrolment(x.Part)));
        return $"{N(meeting)} of {N(parts.Count)}";
    }

    /// <summary>Whether a redistribution can reach zero resource violations: the plan's resources against full-enough schools.</summary>
    private static string ResourceStandardAfterPlan(IReadOnlyList<School> schools)
    {
        var parts = schools.SelectMany(x => ExpansionPlanner.Parts(x).Select(p => (School: x, Part: p))).ToList();
        var checkedParts = 0;
        var meeting = 0;
        foreach (var (school, part) in parts)
        {
            var tracks = ExpansionPlanner.PartTracks(school.TracksIn(ProjectionTerm), part);
            var students = school.IsUrban ? (int)(0.9 * SchoolStandards.Seats(part, tracks)) : school.PartEnrolment(part);
            if (students == 0)
            {
                continue;
            }

            checkedParts++;
            var resources = school.Resources.Last(r => r.Part == part && r.From <= ProjectionTerm);
            meeting += SchoolStandards.MeetsResourceStandard(part, resources, students) ? 1 : 0;
        }

        return $"{N(meeting)} of {N(checkedParts)}";
    }

    private static int Sum(int[]? students, SchoolPart part) =>
        students is null ? 0 : SchoolStandards.GradeIndexes(part).Sum(g => students[g]);

    private static string Levels(IReadOnlyList<School> schools) =>
        $"{N(schools.Count(x => x.Level == SchoolLevel.Primary))} / {N(schools.Count(x => x.Level == SchoolLevel.Junior))} / {N(schools.Count(x => x.Level == SchoolLevel.NineYear))}";

    private static int Kind(IReadOnlyList<School> schools, SchoolKind kind) => schools.Count(x => x.Kind == kind);

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(int part, int whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
