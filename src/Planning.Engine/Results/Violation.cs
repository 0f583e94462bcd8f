using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>What limit is broken.</summary>
public enum ViolationKind
{
    /// <summary>A school has more students than its size limit (Standard: 2,000, nine-year 2,500).</summary>
    SchoolSize,

    /// <summary>A grade has more students than its tracks × the class limit (Standard: 45 in grades 1–6, 50 in 7–9).</summary>
    ClassSize,

    /// <summary>
    /// Demand exceeds capacity: the school is short of seats for the pupils placed there, or (with no
    /// school code) no open school teaches the level at all.
    /// </summary>
    SeatsShort,
}

/// <summary>One broken limit in one term.</summary>
/// <param name="Kind">What is broken.</param>
/// <param name="SchoolCode">The school, or null for pupils no school can take.</param>
/// <param name="Part">The level concerned, or null for the whole school.</param>
/// <param name="Grade">The grade, for <see cref="ViolationKind.ClassSize"/>.</param>
/// <param name="Students">Students counted against the limit.</param>
/// <param name="Limit">The limit (school size, or tracks × class limit; 0 for pupils no school can take).</param>
/// <param name="Excess">Students beyond the limit: the seats short.</param>
/// <param name="LargestClass">For a grade, the class size if its students fill only the existing tracks; otherwise null.</param>
/// <param name="AreaCodes">For a shortfall, the areas whose pupils were placed there this term (the overflow), most pupils first.</param>
public sealed record Violation(
    ViolationKind Kind,
    string? SchoolCode,
    SchoolPart? Part,
    int? Grade,
    int Students,
    int Limit,
    int Excess,
    int? LargestClass,
    IReadOnlyList<string> AreaCodes)
{
    /// <summary>The size and class limits <paramref name="school"/> breaks: its size, then each grade over tracks × class limit.</summary>
    public static IEnumerable<Violation> LimitsOf(SchoolTermResult school)
    {
        var totalExcess = Math.Max(0, school.Students - school.SizeLimit);
        if (totalExcess > 0)
        {
            yield return new Violation(ViolationKind.SchoolSize, school.SchoolCode, null, null, school.Students, school.SizeLimit, totalExcess, null, []);
        }

        foreach (var grade in school.Grades.Where(g => g.OverCapacity))
        {
            var inRooms = grade.Tracks == 0 ? grade.Students : (grade.Students + grade.Tracks - 1) / grade.Tracks;
            yield return new Violation(
                ViolationKind.ClassSize, school.SchoolCode, Grades.PartOf(grade.Grade), grade.Grade,
                grade.Students, grade.Capacity, grade.Students - grade.Capacity, inRooms, []);
        }
    }
}
