namespace Planning.Engine.Inputs;

/// <summary>Which grades a school teaches, as the dataset states it.</summary>
public enum SchoolLevel
{
    /// <summary>Grades 1–6; at most 2,000 students (DOMAIN.md).</summary>
    Primary,

    /// <summary>Grades 7–9; at most 2,000 students (DOMAIN.md).</summary>
    Junior,

    /// <summary>Grades 1–9 (九年一贯制); at most 2,500 students (DOMAIN.md).</summary>
    NineYear,
}
