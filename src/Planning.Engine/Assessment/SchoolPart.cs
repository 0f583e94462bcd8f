namespace Planning.Engine.Assessment;

/// <summary>
/// The part of a school that is assessed under one set of rules. A primary school has a
/// <see cref="Primary"/> part (grades 1–6), a junior school a <see cref="Junior"/> part
/// (grades 7–9), and a nine-year school both (DOMAIN.md, "Nine-year schools are split into a
/// primary part and a junior part").
/// </summary>
public enum SchoolPart
{
    /// <summary>Grades 1–6, primary thresholds and class limit 45.</summary>
    Primary,

    /// <summary>Grades 7–9, junior thresholds and class limit 50.</summary>
    Junior,
}
