using System.Globalization;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Server.Assessment;

/// <summary>One line of the exported assessment: one item of one school part.</summary>
public sealed record AssessmentLine(
    string SchoolCode, string SchoolName, SchoolPart Part, int Students, string Item,
    double Value, double Threshold, bool Met, double Gap, string GapText, bool SixOfSeven);

/// <summary>
/// The assessment of one term as a table: for every open school part with students, its seven
/// indicators, then its school size and its class sizes (DOMAIN.md, "Rules that the software must know").
/// </summary>
public static class AssessmentTable
{
    public static readonly IReadOnlyList<string> Header =
        ["term", "school_code", "school_name", "part", "students", "item", "value", "threshold", "met", "gap", "gap_text", "six_of_seven"];

    public static IReadOnlyList<AssessmentLine> Lines(IEnumerable<AssessedSchool> schools) =>
    [
        .. schools.Where(s => s.Counts).SelectMany(s => s.Assessment.Parts.Where(p => p.Students > 0).SelectMany(p => Lines(s, p))),
    ];

    /// <summary>The cells of <paramref name="line"/> under <see cref="Header"/>: text, or a number for numeric columns.</summary>
    public static IReadOnlyList<object> Cells(string term, AssessmentLine line) =>
    [
        term, line.SchoolCode, line.SchoolName, PartName(line.Part), line.Students, line.Item,
        Math.Round(line.Value, 4), line.Threshold, YesNo(line.Met), line.Gap, line.GapText, YesNo(line.SixOfSeven),
    ];

    public static string PartName(SchoolPart part) => part == SchoolPart.Primary ? "primary" : "junior";

    /// <summary>Invariant text of a cell, as written to CSV.</summary>
    public static string Text(object cell) => cell switch
    {
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static IEnumerable<AssessmentLine> Lines(AssessedSchool school, PartAssessment part)
    {
        var (code, name) = (school.Facts.Code, school.Facts.Name);
        var six = part.ResourceOutcome != Outcome.NotMet;
        foreach (var i in part.Indicators)
        {
            yield return new AssessmentLine(code, name, part.Part, part.Students, ItemName(i.Indicator), i.Value ?? 0, i.Threshold,
                i.Outcome != Outcome.NotMet, i.Gap, GapTexts.ForIndicator(i.Indicator, i.Gap), six);
        }
        var a = school.Assessment;
        yield return new AssessmentLine(code, name, part.Part, part.Students, "school size (students)", a.Students, a.SizeLimit,
            a.SizeMet, a.StudentsOverSize, GapTexts.ForSize(a.StudentsOverSize, a.SizeLimit), six);
        var limit = part.Grades.Count > 0 ? part.Grades[0].Limit : 0;
        yield return new AssessmentLine(code, name, part.Part, part.Students, "largest class (students)",
            part.Grades.Count > 0 ? part.Grades.Max(g => g.LargestClass) : 0, limit, part.ClassesMet,
            part.Grades.Sum(g => g.ClassesShort), GapTexts.ForClasses(part.Grades), six);
    }

    private static string ItemName(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "teachers with above-required degree per 100 students",
        Indicator.BackboneTeachers => "backbone teachers (district level or higher) per 100 students",
        Indicator.PeArtTeachers => "PE and art teachers per 100 students",
        Indicator.FloorArea => "teaching and auxiliary floor area per student (m²)",
        Indicator.SportsArea => "sports ground and hall area per student (m²)",
        Indicator.EquipmentValue => "teaching equipment value per student (yuan)",
        Indicator.MultimediaRooms => "networked multimedia classrooms per 100 students",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
