using Planning.Engine.Terms;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// The assessment recomputed independently of the server, straight from DOMAIN.md: indicator
/// values from a part's resources and enrolment, and the enrolment-weighted difference
/// coefficient N = ΣPᵢ, X̄ = ΣPᵢXᵢ / N, S = √(Σ (Pᵢ/N)(Xᵢ − X̄)²), coefficient = S / X̄.
/// </summary>
public static class Expected
{
    public static readonly Indicator[] Indicators =
    [
        Indicator.DegreeTeachers, Indicator.BackboneTeachers, Indicator.PeArtTeachers, Indicator.FloorArea,
        Indicator.SportsArea, Indicator.EquipmentValue, Indicator.MultimediaRooms,
    ];

    /// <summary>Teachers and classrooms are counted per 100 students, areas and equipment per student (DOMAIN.md table).</summary>
    public static double Per(Indicator i) =>
        i is Indicator.DegreeTeachers or Indicator.BackboneTeachers or Indicator.PeArtTeachers or Indicator.MultimediaRooms ? 100 : 1;

    public static double Amount(Resources r, Indicator i) => i switch
    {
        Indicator.DegreeTeachers => r.TeachersDegree,
        Indicator.BackboneTeachers => r.TeachersBackbone,
        Indicator.PeArtTeachers => r.TeachersPeArt,
        Indicator.FloorArea => r.FloorAreaM2,
        Indicator.SportsArea => r.SportsAreaM2,
        Indicator.EquipmentValue => r.EquipmentValueYuan,
        _ => r.MultimediaRooms,
    };

    /// <summary>The amount of <paramref name="i"/> a part has in <paramref name="term"/>: latest stock entry started, plus additions started.</summary>
    public static double AmountAt(School school, SchoolPart part, string term, Indicator i, IEnumerable<Resources> additions)
    {
        var t = Term.Parse(term);
        var stock = school.Resources.Where(r => r.Part == part && Term.Parse(r.FromTerm) <= t)
            .MaxBy(r => Term.Parse(r.FromTerm));
        var added = additions.Where(a => a.Part == part && Term.Parse(a.FromTerm) <= t).Sum(a => Amount(a, i));
        return (stock is null ? 0 : Amount(stock, i)) + added;
    }

    public static int Students(SchoolTermResult s, SchoolPart part) =>
        part == SchoolPart.Primary ? s.Enrolment.Take(6).Sum() : s.Enrolment.Skip(6).Sum();

    public static bool Teaches(School s, SchoolPart part) => s.Level == SchoolLevel.NineYear
        || s.Level == (part == SchoolPart.Primary ? SchoolLevel.Primary : SchoolLevel.Junior);

    /// <summary>The weighted coefficient of one indicator over the open school parts with students.</summary>
    public static double Coefficient(
        TermResult result, IReadOnlyDictionary<string, School> schools, SchoolPart part, Indicator i,
        IReadOnlyDictionary<string, Resources[]> additions)
    {
        var values = result.Schools
            .Where(s => s.Open && s.Total > 0 && Teaches(schools[s.SchoolCode], part) && Students(s, part) > 0)
            .Select(s =>
            {
                var p = (double)Students(s, part);
                var amount = AmountAt(schools[s.SchoolCode], part, result.Term, i, additions.GetValueOrDefault(s.SchoolCode, []));
                return (P: p, X: amount * Per(i) / p);
            })
            .ToList();
        var n = values.Sum(v => v.P);
        var mean = values.Sum(v => v.P * v.X) / n;
        var s = Math.Sqrt(values.Sum(v => v.P / n * (v.X - mean) * (v.X - mean)));
        return s / mean;
    }
}
