namespace Planning.Engine.Assessment;

/// <summary>
/// The thresholds of the national standard of 2017 for county-level high-quality balanced
/// compulsory education, as DOMAIN.md ("Rules that the software must know") states them.
/// <see cref="National2017"/> is the standard; <c>with</c> gives variants for what-if studies.
/// </summary>
public sealed record Standard
{
    private readonly IReadOnlyList<double> _primaryThresholds = [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3];
    private readonly IReadOnlyList<double> _juniorThresholds = [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4];

    /// <summary>The national standard of 2017.</summary>
    public static Standard National2017 { get; } = new();

    /// <summary>Primary thresholds, one per <see cref="Indicator"/> in declaration order.</summary>
    public IReadOnlyList<double> PrimaryThresholds
    {
        get => _primaryThresholds;
        init => _primaryThresholds = Thresholds(value);
    }

    /// <summary>Junior thresholds, one per <see cref="Indicator"/> in declaration order.</summary>
    public IReadOnlyList<double> JuniorThresholds
    {
        get => _juniorThresholds;
        init => _juniorThresholds = Thresholds(value);
    }

    /// <summary>Indicators a school part must meet: 6 of the 7.</summary>
    public int MinimumMet { get; init; } = 6;

    /// <summary>Share of its threshold that every indicator not met must still reach: 85 %.</summary>
    public double FloorShare { get; init; } = 0.85;

    /// <summary>Largest primary or junior school: 2,000 students.</summary>
    public int SchoolSizeLimit { get; init; } = 2000;

    /// <summary>Largest nine-year school, counted over its compulsory grades: 2,500 students.</summary>
    public int NineYearSizeLimit { get; init; } = 2500;

    /// <summary>Largest class in grades 1–6: 45 students.</summary>
    public int PrimaryClassLimit { get; init; } = 45;

    /// <summary>Largest class in grades 7–9: 50 students.</summary>
    public int JuniorClassLimit { get; init; } = 50;

    /// <summary>Ceiling of the inter-school difference coefficient over primary parts: 0.50.</summary>
    public double PrimaryCoefficientCeiling { get; init; } = 0.50;

    /// <summary>Ceiling of the inter-school difference coefficient over junior parts: 0.45.</summary>
    public double JuniorCoefficientCeiling { get; init; } = 0.45;

    /// <summary>The threshold of <paramref name="indicator"/> for <paramref name="part"/>.</summary>
    public double Threshold(SchoolPart part, Indicator indicator) =>
        ThresholdsOf(part)[(int)indicator];

    /// <summary>The largest class allowed in <paramref name="grade"/> (1–9).</summary>
    public int ClassLimit(int grade) =>
        PartOfGrade(grade) == SchoolPart.Primary ? PrimaryClassLimit : JuniorClassLimit;

    /// <summary>The largest school allowed: nine-year schools (both parts) have the larger limit.</summary>
    public int SizeLimit(bool nineYear) => nineYear ? NineYearSizeLimit : SchoolSizeLimit;

    /// <summary>The ceiling of the difference coefficient for <paramref name="part"/>.</summary>
    public double CoefficientCeiling(SchoolPart part) => part switch
    {
        SchoolPart.Primary => PrimaryCoefficientCeiling,
        SchoolPart.Junior => JuniorCoefficientCeiling,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>Grades 1–6 are primary, 7–9 junior; anything else throws.</summary>
    public static SchoolPart PartOfGrade(int grade) => grade switch
    {
        >= 1 and <= 6 => SchoolPart.Primary,
        >= 7 and <= 9 => SchoolPart.Junior,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "grades are 1–9"),
    };

    private IReadOnlyList<double> ThresholdsOf(SchoolPart part) => part switch
    {
        SchoolPart.Primary => _primaryThresholds,
        SchoolPart.Junior => _juniorThresholds,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    private static IReadOnlyList<double> Thresholds(IReadOnlyList<double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Count != Indicators.All.Count || value.Any(t => !double.IsFinite(t) || t <= 0))
        {
            throw new ArgumentException("one finite positive threshold per indicator", nameof(value));
        }

        return [.. value];
    }
}
