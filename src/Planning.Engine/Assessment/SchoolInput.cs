using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>Students and classes of one grade in one term.</summary>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="Students">Students enrolled, ≥ 0.</param>
/// <param name="Classes">Classes the grade is taught in (the school's tracks), ≥ 0.</param>
public sealed record GradeCount(int Grade, int Students, int Classes);

/// <summary>One assessed part of a school in one term: its resources and its grades.</summary>
/// <param name="Part">Primary (grades 1–6) or junior (grades 7–9).</param>
/// <param name="Resources">What the part has in this term (see <see cref="ResourceTimeline"/>).</param>
/// <param name="Grades">The part's grades; every grade belongs to <paramref name="Part"/>, none twice.</param>
public sealed record PartInput(SchoolPart Part, Resources Resources, IReadOnlyList<GradeCount> Grades);

/// <summary>
/// One school in one term. A school with both a primary and a junior part is a nine-year school:
/// each part is assessed under its own rules and the school under the nine-year size limit.
/// </summary>
/// <param name="Code">School code, used to name the school in district results.</param>
/// <param name="Parts">One or two parts, each part at most once.</param>
public sealed record SchoolInput(string Code, IReadOnlyList<PartInput> Parts)
{
    /// <summary>True when the school has both parts (九年一贯制).</summary>
    public bool IsNineYear => Parts.Count == 2;

    /// <summary>
    /// Builds a school from nine-element arrays indexed by grade − 1 (grades 1–9). The school has a
    /// primary part when <paramref name="primary"/> is given and a junior part when
    /// <paramref name="junior"/> is given; both makes it a nine-year school.
    /// </summary>
    public static SchoolInput Create(
        string code,
        IReadOnlyList<int> studentsByGrade,
        IReadOnlyList<int> classesByGrade,
        Resources? primary,
        Resources? junior)
    {
        ArgumentNullException.ThrowIfNull(studentsByGrade);
        ArgumentNullException.ThrowIfNull(classesByGrade);
        if (studentsByGrade.Count != Grades.Count || classesByGrade.Count != Grades.Count)
        {
            throw new ArgumentException("students and classes are given for grades 1–9");
        }

        var parts = new List<PartInput>();
        if (primary is not null)
        {
            parts.Add(new PartInput(SchoolPart.Primary, primary, GradesOf(SchoolPart.Primary)));
        }

        if (junior is not null)
        {
            parts.Add(new PartInput(SchoolPart.Junior, junior, GradesOf(SchoolPart.Junior)));
        }

        return new SchoolInput(code, parts);

        List<GradeCount> GradesOf(SchoolPart part) =>
            [.. Grades.Of(part).Select(g => new GradeCount(g, studentsByGrade[g - 1], classesByGrade[g - 1]))];
    }
}
