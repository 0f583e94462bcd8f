using Planning.Engine.Rules;

namespace Planning.DataGen.Model;

/// <summary>The national standard (2017) the generator sizes schools and resources by: the engine's <see cref="Standard"/>.</summary>
public static class SchoolStandards
{
    private static Standard Standard => Standard.National2017;

    public static int IndicatorCount => Indicators.All.Count;

    public static int MaxClassSize(SchoolPart part) => Standard.ClassLimit(part);

    public static int Grades(SchoolPart part) => Engine.Rules.Grades.CountOf(part);

    /// <summary>Grade indexes (0-based) of a part: 0–5 primary, 6–8 junior.</summary>
    public static IEnumerable<int> GradeIndexes(SchoolPart part) => Engine.Rules.Grades.Of(part).Select(g => g - 1);

    public static int MaxStudents(School school) => Standard.SizeLimit(school.Level);

    /// <summary>Seats of a part with a number of tracks: tracks × grades × class limit.</summary>
    public static int Seats(SchoolPart part, int tracks) => tracks * Grades(part) * MaxClassSize(part);

    /// <summary>Thresholds of the seven indicators in the standard's order.</summary>
    public static IReadOnlyList<double> Thresholds(SchoolPart part) => [.. Indicators.All.Select(i => Standard.Threshold(part, i))];

    /// <summary>The seven indicator values of a resource entry for a number of students.</summary>
    public static double[] IndicatorValues(ResourceEntry resources, int students)
    {
        var n = Math.Max(students, 1);
        return
        [
            100.0 * resources.TeachersDegree / n,
            100.0 * resources.TeachersBackbone / n,
            100.0 * resources.TeachersPeArt / n,
            (double)resources.FloorAreaM2 / n,
            (double)resources.SportsAreaM2 / n,
            (double)resources.EquipmentValueYuan / n,
            100.0 * resources.MultimediaRooms / n,
        ];
    }

    /// <summary>At least 6 of the 7 indicators met and the 7th at 85 % of its threshold or more.</summary>
    public static bool MeetsResourceStandard(SchoolPart part, ResourceEntry resources, int students)
    {
        var values = IndicatorValues(resources, students);
        var thresholds = Thresholds(part);
        var met = values.Where((v, i) => v >= thresholds[i]).Count();
        var allNearly = values.Select((v, i) => v >= Standard.FloorShare * thresholds[i]).All(ok => ok);
        return met >= Standard.MinimumMet && allNearly;
    }
}
