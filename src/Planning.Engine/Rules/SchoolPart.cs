namespace Planning.Engine.Rules;

/// <summary>
/// The part of a school that is assessed under one set of rules. A primary school has a
/// <see cref="Primary"/> part (grades 1–6), a junior school a <see cref="Junior"/> part
/// (grades 7–9), and a nine-year school both (DOMAIN.md, "Nine-year schools are split into a
/// primary part and a junior part"). <see cref="Grades"/> says which grade belongs to which part.
/// </summary>
public enum SchoolPart
{
    /// <summary>Grades 1–6 (小学), primary thresholds and class limit.</summary>
    Primary,

    /// <summary>Grades 7–9 (初中), junior thresholds and class limit.</summary>
    Junior,
}

/// <summary>The two parts in order.</summary>
public static class SchoolParts
{
    /// <summary>Primary, then junior.</summary>
    public static IReadOnlyList<SchoolPart> All { get; } = [SchoolPart.Primary, SchoolPart.Junior];
}
