using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>Result of a check that may not apply (for example indicators of a part without students).</summary>
public enum Outcome
{
    /// <summary>The requirement is met.</summary>
    Met,

    /// <summary>The requirement is not met.</summary>
    NotMet,

    /// <summary>Nothing to assess: no students, so no per-student value exists.</summary>
    NotApplicable,
}

/// <summary>One indicator of one school part in one term.</summary>
/// <param name="Indicator">Which of the seven.</param>
/// <param name="Threshold">The standard's threshold for the part.</param>
/// <param name="Value">Amount per student or per 100 students; null without students.</param>
/// <param name="Current">The amount the part has (teachers, m², yuan, rooms).</param>
/// <param name="Required">The amount the threshold asks for at this enrolment.</param>
/// <param name="Outcome">Met, not met, or not applicable without students.</param>
/// <param name="Gap">Whole units to add to meet the threshold (0 when met): ⌈Required − Current⌉.</param>
/// <param name="Unit">The unit of <paramref name="Gap"/>.</param>
public sealed record IndicatorResult(
    Indicator Indicator,
    double Threshold,
    double? Value,
    double Current,
    double Required,
    Outcome Outcome,
    double Gap,
    GapUnit Unit)
{
    /// <summary>Value as a share of the threshold (1.0 = exactly met); null without students.</summary>
    public double? Attainment => Value / Threshold;
}

/// <summary>Class-size check of one grade.</summary>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="Students">Students in the grade.</param>
/// <param name="Classes">Classes the grade has.</param>
/// <param name="Limit">Largest class allowed: 45 in grades 1–6, 50 in 7–9.</param>
/// <param name="LargestClass">Largest class when students are spread evenly (the whole grade when it has no class).</param>
/// <param name="ClassesNeeded">Fewest classes that keep every class within the limit.</param>
public sealed record ClassCheck(int Grade, int Students, int Classes, int Limit, int LargestClass, int ClassesNeeded)
{
    /// <summary>True when no class is over the limit.</summary>
    public bool Met => LargestClass <= Limit;

    /// <summary>Classes to add to meet the limit (0 when met).</summary>
    public int ClassesShort => Math.Max(0, ClassesNeeded - Classes);
}

/// <summary>One part of a school in one term.</summary>
/// <param name="Part">Primary or junior.</param>
/// <param name="Students">Students in the part's grades.</param>
/// <param name="Indicators">The seven indicators in <see cref="Indicator"/> order.</param>
/// <param name="ResourceOutcome">
/// The 6-of-7 rule: at least six met and the seventh at ≥ 85 % of its threshold; not applicable
/// without students.
/// </param>
/// <param name="Grades">Class-size check of each grade of the part.</param>
public sealed record PartAssessment(
    SchoolPart Part,
    int Students,
    IReadOnlyList<IndicatorResult> Indicators,
    Outcome ResourceOutcome,
    IReadOnlyList<ClassCheck> Grades)
{
    /// <summary>Indicators met.</summary>
    public int MetCount => Indicators.Count(i => i.Outcome == Outcome.Met);

    /// <summary>True when every grade keeps its classes within the limit.</summary>
    public bool ClassesMet => Grades.All(g => g.Met);

    /// <summary>The indicator result for <paramref name="indicator"/>.</summary>
    public IndicatorResult this[Indicator indicator] => Indicators[(int)indicator];
}

/// <summary>One school in one term: its parts and its size.</summary>
/// <param name="Code">School code.</param>
/// <param name="IsNineYear">True when the school has both parts.</param>
/// <param name="Students">Students in all compulsory grades.</param>
/// <param name="SizeLimit">2,000, or 2,500 for a nine-year school.</param>
/// <param name="Parts">The assessed parts, primary first.</param>
public sealed record SchoolAssessment(
    string Code,
    bool IsNineYear,
    int Students,
    int SizeLimit,
    IReadOnlyList<PartAssessment> Parts)
{
    /// <summary>True when the school is within its size limit.</summary>
    public bool SizeMet => Students <= SizeLimit;

    /// <summary>Students over the size limit (0 when met).</summary>
    public int StudentsOverSize => Math.Max(0, Students - SizeLimit);

    /// <summary>The assessment of <paramref name="part"/>, or null when the school has no such part.</summary>
    public PartAssessment? PartOf(SchoolPart part) => Parts.FirstOrDefault(p => p.Part == part);

    /// <summary>
    /// True when <paramref name="part"/> meets everything: the school's size, the part's class
    /// limits, and the 6-of-7 rule (a part without students has nothing to fail).
    /// </summary>
    public bool MeetsAll(PartAssessment part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return SizeMet && part.ClassesMet && part.ResourceOutcome != Outcome.NotMet;
    }

    /// <summary>True when the school meets everything in every part.</summary>
    public bool MeetsAll() => Parts.All(MeetsAll);
}
