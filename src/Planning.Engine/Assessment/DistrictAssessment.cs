using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>The difference coefficient of one indicator over all parts of one level, against its ceiling.</summary>
/// <param name="Indicator">Which of the seven.</param>
/// <param name="Ceiling">0.50 for primary, 0.45 for junior.</param>
/// <param name="Statistic">N, X̄, S, coefficient and each school's share of S².</param>
/// <param name="Outcome">Met when coefficient ≤ ceiling; not applicable when it is undefined (no students, or X̄ = 0: see <see cref="DifferenceCoefficient.Undefined"/>).</param>
/// <param name="TopContributors">The schools that pull the coefficient up most, largest share first.</param>
public sealed record CoefficientResult(
    Indicator Indicator,
    double Ceiling,
    DifferenceCoefficient Statistic,
    Outcome Outcome,
    IReadOnlyList<Contribution> TopContributors)
{
    /// <summary>S / X̄, or null when undefined.</summary>
    public double? Coefficient => Statistic.Coefficient;
}

/// <summary>One level (all primary parts, or all junior parts) of the district in one term.</summary>
/// <param name="Part">The level.</param>
/// <param name="PartsAssessed">Parts with students.</param>
/// <param name="PartsMeetingResourceRule">Parts with students that meet the 6-of-7 rule.</param>
/// <param name="PartsMeetingAll">Parts with students that meet the 6-of-7 rule, their class limits and their school's size limit.</param>
/// <param name="Coefficients">The seven coefficients in <see cref="Indicator"/> order.</param>
/// <param name="Outcome">
/// Met when every part with students meets all and every coefficient is defined and within its
/// ceiling (an undefined coefficient is not met: DOMAIN.md); not applicable without students.
/// </param>
public sealed record LevelAssessment(
    SchoolPart Part,
    int PartsAssessed,
    int PartsMeetingResourceRule,
    int PartsMeetingAll,
    IReadOnlyList<CoefficientResult> Coefficients,
    Outcome Outcome);

/// <summary>The district in one term: both levels and the overall verdict.</summary>
/// <param name="Levels">Primary, then junior.</param>
/// <param name="Outcome">Met when no level fails and at least one level has students.</param>
public sealed record DistrictAssessment(IReadOnlyList<LevelAssessment> Levels, Outcome Outcome)
{
    /// <summary>A coefficient this close above its ceiling is floating-point noise and counts as at the ceiling.</summary>
    internal const double CeilingTolerance = 1e-9;

    /// <summary>The assessment of <paramref name="part"/>'s level.</summary>
    public LevelAssessment this[SchoolPart part] => Levels[(int)part];

    /// <summary>
    /// Assesses the district from its schools' assessments of one term. Nine-year schools count
    /// once in each level through their parts (DOMAIN.md, "Nine-year schools are split").
    /// </summary>
    /// <param name="schools">Every school of the district, assessed for the same term.</param>
    /// <param name="standard">The standard; the national one when null.</param>
    /// <param name="topContributors">How many schools to name per coefficient.</param>
    public static DistrictAssessment Assess(
        IEnumerable<SchoolAssessment> schools, Standard? standard = null, int topContributors = 3)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentOutOfRangeException.ThrowIfNegative(topContributors);
        standard ??= Standard.National2017;
        var list = schools.ToList();
        if (list.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("school codes must be unique", nameof(schools));
        }

        var levels = Enum.GetValues<SchoolPart>().Select(p => AssessLevel(list, p, standard, topContributors)).ToList();
        var outcome = levels.Any(l => l.Outcome == Outcome.NotMet) ? Outcome.NotMet
            : levels.Any(l => l.Outcome == Outcome.Met) ? Outcome.Met
            : Outcome.NotApplicable;
        return new DistrictAssessment(levels, outcome);
    }

    private static LevelAssessment AssessLevel(
        List<SchoolAssessment> schools, SchoolPart part, Standard standard, int top)
    {
        var parts = schools
            .SelectMany(s => s.Parts.Where(p => p.Part == part && p.Students > 0).Select(p => (School: s, Part: p)))
            .ToList();
        var ceiling = standard.CoefficientCeiling(part);
        var coefficients = Indicators.All.Select(indicator =>
        {
            var statistic = DifferenceCoefficient.Compute(
                parts.Select(x => new WeightedValue(x.School.Code, x.Part.Students, x.Part[indicator].Value ?? 0)));
            var outcome = statistic.Coefficient is not { } c ? Outcome.NotApplicable
                : c <= ceiling + CeilingTolerance ? Outcome.Met
                : Outcome.NotMet;
            var pulling = statistic.Contributions.Where(c => c.Share > 0).Take(top).ToList();
            return new CoefficientResult(indicator, ceiling, statistic, outcome, pulling);
        }).ToList();

        var meetingRule = parts.Count(x => x.Part.ResourceOutcome == Outcome.Met);
        var meetingAll = parts.Count(x => x.School.MeetsAll(x.Part));
        var levelOutcome = parts.Count == 0 ? Outcome.NotApplicable
            : meetingAll == parts.Count && coefficients.All(c => c.Outcome == Outcome.Met) ? Outcome.Met
            : Outcome.NotMet;
        return new LevelAssessment(part, parts.Count, meetingRule, meetingAll, coefficients, levelOutcome);
    }
}
