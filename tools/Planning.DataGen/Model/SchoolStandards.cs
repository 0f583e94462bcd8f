namespace Planning.DataGen.Model;

/// <summary>The national standard (2017) as DOMAIN.md states it: size limits, class limits and the seven resource indicators.</summary>
public static class SchoolStandards
{
    public const int MaxSchoolStudents = 2000;
    public const int MaxNineYearStudents = 2500;
    public const int IndicatorCount = 7;

    public static int MaxClassSize(SchoolPart part) => part == SchoolPart.Primary ? 45 : 50;

    public static int Grades(SchoolPart part) => part == SchoolPart.Primary ? 6 : 3;

    /// <summary>Grade indexes (0-based) of a part: 0–5 primary, 6–8 junior.</summary>
    public static IEnumerable<int> GradeIndexes(SchoolPart part) => part == SchoolPart.Primary ? Enumerable.Range(0, 6) : Enumerable.Range(6, 3);

    public static int MaxStudents(School school) => school.Level == SchoolLevel.NineYear ? MaxNineYearStudents : MaxSchoolStudents;

    /// <summary>Seats of a part with a number of tracks: tracks × grades × class limit.</summary>
    public static int Seats(SchoolPart part, int tracks) => tracks * Grades(part) * MaxClassSize(part);

    /// <summary>
    /// Thresholds of the seven indicators in DOMAIN.md order: degree teachers, backbone teachers and
    /// PE/art teachers per 100 students, floor m², sports m² and equipment yuan per student,
    /// multimedia rooms per 100 students.
    /// </summary>
    public static IReadOnlyList<double> Thresholds(SchoolPart part) =>
        part == SchoolPart.Primary ? [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3] : [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4];

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
        var allNearly = values.Select((v, i) => v >= 0.85 * thresholds[i]).All(ok => ok);
        return met >= IndicatorCount - 1 && allNearly;
    }
}
