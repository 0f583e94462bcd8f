using System.Globalization;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Server.Assessment;

/// <summary>
/// One line of the exported assessment: one item of one school part, or one district figure (a
/// level's coefficient or verdict, the district's verdict) with <see cref="AssessmentTable.District"/>
/// as its school code. Null cells are written empty.
/// </summary>
public sealed record AssessmentLine(
    string SchoolCode, string SchoolName, SchoolPart? Part, int Students, string Item,
    double? Value, double? Threshold, string Met, double? Gap, string GapText, string SixOfSeven);

/// <summary>
/// The assessment of one term as a table: for every open school part with students, its seven
/// indicators, then its school size and its class sizes; then for each level its seven difference
/// coefficients and its verdict, and last the district's verdict (DOMAIN.md, "Rules that the
/// software must know"). Values are written unrounded, so 0.5001 reads as 0.5001, not 0.50.
/// </summary>
public static class AssessmentTable
{
    /// <summary>The school code of district lines.</summary>
    public const string District = "district";

    public static readonly IReadOnlyList<string> Header =
        ["term", "school_code", "school_name", "part", "students", "item", "value", "threshold", "met", "gap", "gap_text", "six_of_seven"];

    public static IReadOnlyList<AssessmentLine> Lines(IReadOnlyList<AssessedSchool> schools, Standard standard)
    {
        var counted = schools.Where(s => s.Counts).ToList();
        var district = DistrictAssessment.Assess(counted.Select(s => s.Assessment), standard);
        return
        [
            .. counted.SelectMany(s => s.Assessment.Parts.Where(p => p.Students > 0).SelectMany(p => Lines(s, p))),
            .. district.Levels.Where(l => l.PartsAssessed > 0).SelectMany(LevelLines),
            new AssessmentLine(District, "全区 district", null, district.Levels.Sum(l => l.Coefficients[0].Statistic.Students),
                "district verdict (every part meets every item, every coefficient within its ceiling)",
                null, null, Verdict(district.Outcome), null, "", ""),
        ];
    }

    /// <summary>The cells of <paramref name="line"/> under <see cref="Header"/>: text, or a number for numeric columns.</summary>
    public static IReadOnlyList<object> Cells(string term, AssessmentLine line) =>
    [
        term, line.SchoolCode, line.SchoolName, line.Part is { } part ? PartName(part) : "", line.Students, line.Item,
        (object?)line.Value ?? "", (object?)line.Threshold ?? "", line.Met, (object?)line.Gap ?? "", line.GapText, line.SixOfSeven,
    ];

    public static string PartName(SchoolPart part) => part == SchoolPart.Primary ? "primary" : "junior";

    /// <summary>Invariant text of a cell, as written to CSV: numbers unrounded (shortest text that reads back the same).</summary>
    public static string Text(object cell) => cell switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static IEnumerable<AssessmentLine> Lines(AssessedSchool school, PartAssessment part)
    {
        var (code, name) = (school.Facts.Code, school.Facts.Name);
        var six = YesNo(part.ResourceOutcome != Outcome.NotMet);
        foreach (var i in part.Indicators)
        {
            yield return new AssessmentLine(code, name, part.Part, part.Students, ItemName(i.Indicator), i.Value ?? 0, i.Threshold,
                YesNo(i.Outcome != Outcome.NotMet), i.Gap, GapTexts.ForIndicator(i.Indicator, i.Gap), six);
        }
        var a = school.Assessment;
        yield return new AssessmentLine(code, name, part.Part, part.Students, "school size (students)", a.Students, a.SizeLimit,
            YesNo(a.SizeMet), a.StudentsOverSize, GapTexts.ForSize(a.StudentsOverSize, a.SizeLimit), six);
        var limit = part.Grades.Count > 0 ? part.Grades[0].Limit : 0;
        yield return new AssessmentLine(code, name, part.Part, part.Students, "largest class (students)",
            part.Grades.Count > 0 ? part.Grades.Max(g => g.LargestClass) : 0, limit, YesNo(part.ClassesMet),
            part.Grades.Sum(g => g.ClassesShort), GapTexts.ForClasses(part.Grades), six);
    }

    private static IEnumerable<AssessmentLine> LevelLines(LevelAssessment level)
    {
        foreach (var c in level.Coefficients)
        {
            yield return new AssessmentLine(District, "全区 district", level.Part, c.Statistic.Students,
                $"difference coefficient: {ItemName(c.Indicator)}", c.Coefficient, c.Ceiling,
                c.Statistic.Undefined is null ? YesNo(c.Outcome == Outcome.Met) : "undefined", null,
                AssessmentProto.UndefinedText(c.Statistic.Undefined), "");
        }
        yield return new AssessmentLine(District, "全区 district", level.Part, level.Coefficients[0].Statistic.Students,
            $"level verdict ({level.PartsMeetingAll} of {level.PartsAssessed} parts meet every item)", level.PartsMeetingAll,
            level.PartsAssessed, Verdict(level.Outcome), null, "", "");
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

    private static string Verdict(Outcome outcome) => outcome switch
    {
        Outcome.Met => "yes",
        Outcome.NotMet => "no",
        _ => "not applicable",
    };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
