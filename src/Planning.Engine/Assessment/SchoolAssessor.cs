using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>Assesses one school in one term against a <see cref="Standard"/> (DOMAIN.md, "Rules that the software must know").</summary>
public static class SchoolAssessor
{
    /// <summary>Relative tolerance for comparing an amount with a threshold × enrolment product.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Assesses <paramref name="school"/> under <paramref name="standard"/> (the national standard when null).</summary>
    public static SchoolAssessment Assess(SchoolInput school, Standard? standard = null)
    {
        ArgumentNullException.ThrowIfNull(school);
        ArgumentNullException.ThrowIfNull(school.Parts);
        standard ??= Standard.National2017;
        if (school.Parts.Count is < 1 or > 2 || school.Parts.Select(p => p.Part).Distinct().Count() != school.Parts.Count)
        {
            throw new ArgumentException("a school has one or two different parts", nameof(school));
        }

        var parts = school.Parts.OrderBy(p => p.Part).Select(p => AssessPart(p, standard)).ToList();
        var students = parts.Sum(p => p.Students);
        return new SchoolAssessment(school.Code, school.IsNineYear, students, standard.SizeLimit(school.IsNineYear), parts);
    }

    /// <summary>One indicator of a part with <paramref name="students"/> students and amount <paramref name="current"/>.</summary>
    public static IndicatorResult AssessIndicator(
        SchoolPart part, Indicator indicator, int students, double current, Standard? standard = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(students);
        standard ??= Standard.National2017;
        var threshold = standard.Threshold(part, indicator);
        var per = Indicators.PerStudents(indicator);
        var unit = Indicators.Unit(indicator);
        if (students == 0)
        {
            return new IndicatorResult(indicator, threshold, null, current, 0, Outcome.NotApplicable, 0, unit);
        }

        var required = Required(part, indicator, students, standard);
        var met = AtLeast(current, required);
        var gap = met ? 0 : Math.Ceiling(required - current - Slack(required));
        return new IndicatorResult(
            indicator, threshold, current * per / students, current, required, met ? Outcome.Met : Outcome.NotMet, gap, unit);
    }

    /// <summary>
    /// The 6-of-7 rule: at least <see cref="Standard.MinimumMet"/> indicators met and every other
    /// at ≥ <see cref="Standard.FloorShare"/> of its threshold. Not applicable when any indicator is.
    /// </summary>
    public static Outcome ResourceRule(IReadOnlyList<IndicatorResult> indicators, Standard? standard = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        standard ??= Standard.National2017;
        if (indicators.Any(i => i.Outcome == Outcome.NotApplicable))
        {
            return Outcome.NotApplicable;
        }

        var met = indicators.Count(i => i.Outcome == Outcome.Met);
        var floorsHeld = indicators.All(i => i.Outcome == Outcome.Met || AtLeast(i.Current, standard.FloorShare * i.Required));
        return met >= standard.MinimumMet && floorsHeld ? Outcome.Met : Outcome.NotMet;
    }

    /// <summary>Class-size check of one grade under <paramref name="standard"/>.</summary>
    public static ClassCheck AssessGrade(GradeCount grade, Standard? standard = null)
    {
        ArgumentNullException.ThrowIfNull(grade);
        standard ??= Standard.National2017;
        ArgumentOutOfRangeException.ThrowIfNegative(grade.Students, nameof(grade));
        ArgumentOutOfRangeException.ThrowIfNegative(grade.Classes, nameof(grade));
        var limit = standard.ClassLimit(grade.Grade);
        var largest = grade.Classes == 0 ? grade.Students : CeilDiv(grade.Students, grade.Classes);
        return new ClassCheck(grade.Grade, grade.Students, grade.Classes, limit, largest, CeilDiv(grade.Students, limit));
    }

    private static PartAssessment AssessPart(PartInput part, Standard standard)
    {
        ArgumentNullException.ThrowIfNull(part.Resources);
        ArgumentNullException.ThrowIfNull(part.Grades);
        if (part.Grades.Any(g => Grades.PartOf(g.Grade) != part.Part) ||
            part.Grades.Select(g => g.Grade).Distinct().Count() != part.Grades.Count)
        {
            throw new ArgumentException($"the {part.Part} part lists a grade of another part or a grade twice");
        }

        var grades = part.Grades.OrderBy(g => g.Grade).Select(g => AssessGrade(g, standard)).ToList();
        var students = grades.Sum(g => g.Students);
        var indicators = Indicators.All
            .Select(i => AssessIndicator(part.Part, i, students, part.Resources.AmountFor(i), standard))
            .ToList();
        return new PartAssessment(part.Part, students, indicators, ResourceRule(indicators, standard), grades);
    }

    /// <summary>The amount of <paramref name="indicator"/> a part of <paramref name="students"/> students needs to meet it.</summary>
    internal static double Required(SchoolPart part, Indicator indicator, int students, Standard standard) =>
        standard.Threshold(part, indicator) * students / Indicators.PerStudents(indicator);

    private static bool AtLeast(double amount, double required) => amount >= required - Slack(required);

    /// <summary>How far under <paramref name="required"/> an amount may be and still count as reaching it (rounding of stored figures).</summary>
    internal static double Slack(double required) => Tolerance * Math.Max(1, Math.Abs(required));

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
