namespace Planning.Engine.Rules;

/// <summary>Which grades a school teaches, as the dataset states it. Its size limit is in <see cref="Standard"/>.</summary>
public enum SchoolLevel
{
    /// <summary>Grades 1–6 (小学).</summary>
    Primary,

    /// <summary>Grades 7–9 (初中).</summary>
    Junior,

    /// <summary>Grades 1–9 (九年一贯制): a primary and a junior part under one size limit.</summary>
    NineYear,
}

/// <summary>Facts about each <see cref="SchoolLevel"/>.</summary>
public static class SchoolLevels
{
    /// <summary>The parts a school of <paramref name="level"/> has: one, or both for a nine-year school.</summary>
    public static IReadOnlyList<SchoolPart> PartsOf(SchoolLevel level) => level switch
    {
        SchoolLevel.Primary => [SchoolPart.Primary],
        SchoolLevel.Junior => [SchoolPart.Junior],
        SchoolLevel.NineYear => SchoolParts.All,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>True when a school of <paramref name="level"/> has <paramref name="part"/>.</summary>
    public static bool Has(SchoolLevel level, SchoolPart part) => PartsOf(level).Contains(part);
}
