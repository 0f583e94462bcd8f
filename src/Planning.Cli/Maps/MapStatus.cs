using Planning.Client.Api;

namespace Planning.Client.Maps;

/// <summary>Which grades a part covers, class limits, and how a school's symbol status is decided.</summary>
public static class MapStatus
{
    public static IEnumerable<int> Grades(SchoolPart part) => part == SchoolPart.Junior ? Enumerable.Range(7, 3) : Enumerable.Range(1, 6);

    public static bool Teaches(SchoolLevel level, SchoolPart part) =>
        level == SchoolLevel.NineYear || (level == SchoolLevel.Primary) == (part == SchoolPart.Primary);

    /// <summary>45 per class in grades 1–6, 50 in 7–9.</summary>
    public static int ClassLimit(int grade) => grade <= 6 ? 45 : 50;

    public static int Students(IReadOnlyList<int> byGrade, SchoolPart part) =>
        Grades(part).Sum(g => g - 1 < byGrade.Count ? byGrade[g - 1] : 0);

    /// <summary>Over limits wins; otherwise the school's role in the plan.</summary>
    public static SchoolStatus Of(bool overLimits, SchoolKind kind) =>
        overLimits ? SchoolStatus.OverLimits
        : kind == SchoolKind.New ? SchoolStatus.New
        : kind == SchoolKind.Expanded ? SchoolStatus.Expanded
        : SchoolStatus.WithinLimits;

    /// <summary>The size and class violations of a school's base-term enrolment under the tracks in force in a term.</summary>
    public static IEnumerable<Violation> BaseViolations(School school, string term)
    {
        if (school.TotalEnrolment > school.SizeLimit)
        {
            yield return new Violation(ViolationKind.SchoolSize, school.Code, 0, school.TotalEnrolment, school.SizeLimit, [],
                $"{school.TotalEnrolment:N0} students, limit {school.SizeLimit:N0}");
        }
        var step = school.CapacityIn(term);
        for (var grade = 1; grade <= 9 && grade <= school.Enrolment.Count; grade++)
        {
            var students = school.Enrolment[grade - 1];
            var tracks = step is null ? 0 : grade <= 6 ? step.PrimaryTracks : step.JuniorTracks;
            var limit = tracks * ClassLimit(grade);
            if (students > limit)
            {
                yield return new Violation(ViolationKind.ClassSize, school.Code, grade, students, limit, [],
                    $"grade {grade}: {students} students in {tracks} classes of at most {ClassLimit(grade)}");
            }
        }
    }
}
