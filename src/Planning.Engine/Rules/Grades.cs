namespace Planning.Engine.Rules;

/// <summary>
/// The compulsory grades 1–9 and how they split into parts (DOMAIN.md): grades 1–6 are primary
/// (小学), grades 7–9 junior (初中). The one home of the 6 / 7 boundary.
/// </summary>
public static class Grades
{
    /// <summary>The first compulsory grade.</summary>
    public const int First = 1;

    /// <summary>The last compulsory grade.</summary>
    public const int Last = 9;

    /// <summary>Grades 1–9: the length of every per-grade array (index = grade − 1).</summary>
    public const int Count = Last - First + 1;

    /// <summary>The last primary grade; the next one is the first junior grade.</summary>
    public const int LastPrimary = 6;

    /// <summary>Grades 1–9 in order.</summary>
    public static IReadOnlyList<int> All { get; } = [.. Enumerable.Range(First, Count)];

    /// <summary>True for grades 1–9.</summary>
    public static bool IsGrade(int grade) => grade is >= First and <= Last;

    /// <summary>The part <paramref name="grade"/> (1–9) belongs to; anything else throws.</summary>
    public static SchoolPart PartOf(int grade) => grade switch
    {
        >= First and <= LastPrimary => SchoolPart.Primary,
        > LastPrimary and <= Last => SchoolPart.Junior,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "grades are 1–9"),
    };

    /// <summary>The first grade of <paramref name="part"/>: 1 or 7.</summary>
    public static int FirstOf(SchoolPart part) => part == SchoolPart.Primary ? First : LastPrimary + 1;

    /// <summary>The last grade of <paramref name="part"/>: 6 or 9.</summary>
    public static int LastOf(SchoolPart part) => part == SchoolPart.Primary ? LastPrimary : Last;

    /// <summary>How many grades <paramref name="part"/> has: 6 or 3.</summary>
    public static int CountOf(SchoolPart part) => LastOf(part) - FirstOf(part) + 1;

    /// <summary>The grades of <paramref name="part"/> in order.</summary>
    public static IEnumerable<int> Of(SchoolPart part) => Enumerable.Range(FirstOf(part), CountOf(part));

    /// <summary>The sum of a per-grade array (index = grade − 1) over the grades of <paramref name="part"/>.</summary>
    public static int SumOf(IReadOnlyList<int> byGrade, SchoolPart part)
    {
        ArgumentNullException.ThrowIfNull(byGrade);
        var sum = 0;
        foreach (var grade in Of(part))
        {
            sum += byGrade[grade - 1];
        }

        return sum;
    }

    /// <summary>The level's grades in words: "grades 1–6" or "grades 7–9".</summary>
    public static string Describe(SchoolPart part) => $"grades {FirstOf(part)}–{LastOf(part)}";
}
