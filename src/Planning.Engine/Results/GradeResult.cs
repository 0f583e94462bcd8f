namespace Planning.Engine.Results;

/// <summary>One grade of one school in one term.</summary>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="Students">Students enrolled.</param>
/// <param name="Tracks">Classrooms (tracks) the school has for the grade.</param>
/// <param name="Capacity">Tracks × class limit (45 in grades 1–6, 50 in grades 7–9; DOMAIN.md).</param>
/// <param name="Classes">Classes needed: ⌈students / class limit⌉.</param>
/// <param name="LargestClass">⌈students / classes⌉, never above the class limit; when <see cref="Classes"/> exceeds <see cref="Tracks"/> the rooms are short instead.</param>
public sealed record GradeResult(int Grade, int Students, int Tracks, int Capacity, int Classes, int LargestClass)
{
    /// <summary>The grade with <paramref name="students"/> in <paramref name="tracks"/> classrooms under <paramref name="classLimit"/> (45 or 50, DOMAIN.md).</summary>
    public static GradeResult Of(int grade, int students, int tracks, int classLimit)
    {
        var classes = (students + classLimit - 1) / classLimit;
        var largest = classes == 0 ? 0 : (students + classes - 1) / classes;
        return new GradeResult(grade, students, tracks, tracks * classLimit, classes, largest);
    }

    /// <summary>True when the grade needs more classes than the school has tracks.</summary>
    public bool OverCapacity => Students > Capacity;
}
