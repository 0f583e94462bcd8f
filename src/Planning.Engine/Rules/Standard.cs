namespace Planning.Engine.Rules;

/// <summary>
/// The rules of the national standard of 2017 for county-level high-quality balanced compulsory
/// education, as DOMAIN.md ("Rules that the software must know") states them: school and class
/// size limits, the seven indicators' thresholds, the 6-of-7 rule and the coefficient ceilings.
/// The one home of these numbers: the simulation, the assessment and (through the contract's
/// GetRules call) every client read them from here. <see cref="National2017"/> is the standard;
/// <c>with</c> gives variants for what-if studies.
/// </summary>
public sealed record Standard
{
    private readonly IReadOnlyList<double> _primaryThresholds = [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3];
    private readonly IReadOnlyList<double> _juniorThresholds = [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4];

    /// <summary>The national standard of 2017.</summary>
    public static Standard National2017 { get; } = new();

    /// <summary>Which standard this is: "national-2017", or another name for a variant.</summary>
    public string Name { get; init; } = "national-2017";

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

    /// <summary>
    /// How many primary pupils one junior pupil counts as when a nine-year school's shared
    /// resources are apportioned to its parts: 1.1, the provincial practice DOMAIN.md cites
    /// ("Nine-year schools are split"). A parameter of the standard, so a run freezes it.
    /// </summary>
    public double JuniorPupilWeight { get; init; } = 1.1;

    /// <summary>
    /// The share of a nine-year school's shared resources that <paramref name="part"/> gets with
    /// <paramref name="primaryPupils"/> and <paramref name="juniorPupils"/>: its pupils, a junior
    /// pupil weighted <see cref="JuniorPupilWeight"/>, over the school's weighted pupils. Without
    /// pupils in either part the resources are split by the same weights as one pupil in each.
    /// </summary>
    public double SharedPortion(SchoolPart part, int primaryPupils, int juniorPupils)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(primaryPupils);
        ArgumentOutOfRangeException.ThrowIfNegative(juniorPupils);
        var (primary, junior) = primaryPupils + juniorPupils == 0 ? (1.0, 1.0) : (primaryPupils, (double)juniorPupils);
        var weighted = primary + (JuniorPupilWeight * junior);
        return part == SchoolPart.Primary ? primary / weighted : JuniorPupilWeight * junior / weighted;
    }

    /// <summary>The threshold of <paramref name="indicator"/> for <paramref name="part"/>.</summary>
    public double Threshold(SchoolPart part, Indicator indicator) =>
        ThresholdsOf(part)[(int)indicator];

    /// <summary>The largest class allowed in <paramref name="grade"/> (1–9).</summary>
    public int ClassLimit(int grade) => ClassLimit(Grades.PartOf(grade));

    /// <summary>The largest school allowed: nine-year schools (both parts) have the larger limit.</summary>
    public int SizeLimit(bool nineYear) => nineYear ? NineYearSizeLimit : SchoolSizeLimit;

    /// <summary>The largest school of <paramref name="level"/>: 2,000, or 2,500 for a nine-year school.</summary>
    public int SizeLimit(SchoolLevel level) => SizeLimit(level == SchoolLevel.NineYear);

    /// <summary>The largest class in the grades of <paramref name="part"/>: 45 or 50.</summary>
    public int ClassLimit(SchoolPart part) => part == SchoolPart.Primary ? PrimaryClassLimit : JuniorClassLimit;

    /// <summary>Every problem that makes this standard unusable (a limit ≤ 0, a share outside (0, 1], …); empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     ("school_size_limit", SchoolSizeLimit), ("nine_year_size_limit", NineYearSizeLimit),
                     ("primary_class_limit", PrimaryClassLimit), ("junior_class_limit", JuniorClassLimit),
                 })
        {
            if (value <= 0)
            {
                problems.Add($"{name} must be > 0, not {value}");
            }
        }

        if (MinimumMet is < 0 || MinimumMet > Indicators.All.Count)
        {
            problems.Add($"minimum_met must be from 0 to {Indicators.All.Count}, not {MinimumMet}");
        }

        foreach (var (name, value, most) in new[]
                 {
                     ("floor_share", FloorShare, 1.0), ("primary_coefficient_ceiling", PrimaryCoefficientCeiling, double.MaxValue),
                     ("junior_coefficient_ceiling", JuniorCoefficientCeiling, double.MaxValue),
                     ("junior_pupil_weight", JuniorPupilWeight, 10.0),
                 })
        {
            if (!double.IsFinite(value) || value <= 0 || value > most)
            {
                problems.Add($"{name} must be a finite number > 0{(most < double.MaxValue ? $" and ≤ {most}" : "")}, not {value}");
            }
        }

        return problems;
    }

    /// <summary>The ceiling of the difference coefficient for <paramref name="part"/>.</summary>
    public double CoefficientCeiling(SchoolPart part) => part switch
    {
        SchoolPart.Primary => PrimaryCoefficientCeiling,
        SchoolPart.Junior => JuniorCoefficientCeiling,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
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
