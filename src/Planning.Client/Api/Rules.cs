namespace Planning.Client.Api;

/// <summary>
/// The rules in force on the server (GetRules): size and class limits, grade bands, the standard's
/// norms and ceilings, the term format and the simulation's defaults. Clients read every rule from
/// here; the helpers below only look things up in what the server sent.
/// </summary>
public sealed record Rules(
    string Standard,
    int SchoolSizeLimit,
    int NineYearSizeLimit,
    IReadOnlyList<GradeBand> GradeBands,
    IReadOnlyList<IndicatorRule> Indicators,
    int MinimumIndicatorsMet,
    double FloorShare,
    TermFormat TermFormat,
    SimulationDefaults Defaults)
{
    /// <summary>The most students a school of <paramref name="level"/> may have.</summary>
    public int SizeLimit(SchoolLevel level) => level == SchoolLevel.NineYear ? NineYearSizeLimit : SchoolSizeLimit;

    /// <summary>The band of <paramref name="part"/>.</summary>
    public GradeBand Band(SchoolPart part) =>
        GradeBands.FirstOrDefault(b => b.Part == part) ?? throw new ArgumentOutOfRangeException(nameof(part), part, "no such grade band");

    /// <summary>The band <paramref name="grade"/> belongs to.</summary>
    public GradeBand BandOf(int grade) =>
        GradeBands.FirstOrDefault(b => grade >= b.FirstGrade && grade <= b.LastGrade)
        ?? throw new ArgumentOutOfRangeException(nameof(grade), grade, "no band has this grade");

    /// <summary>The largest class allowed in <paramref name="grade"/>.</summary>
    public int ClassLimit(int grade) => BandOf(grade).ClassLimit;

    /// <summary>Every grade, first to last.</summary>
    public IEnumerable<int> AllGrades => GradeBands.SelectMany(b => b.Grades);

    /// <summary>True when a school of <paramref name="level"/> teaches the grades of <paramref name="part"/>.</summary>
    public static bool Teaches(SchoolLevel level, SchoolPart part) =>
        level == SchoolLevel.NineYear || (level == SchoolLevel.Primary) == (part == SchoolPart.Primary);
}

/// <summary>One band of grades with its class limit and coefficient ceiling.</summary>
public sealed record GradeBand(SchoolPart Part, int FirstGrade, int LastGrade, int ClassLimit, double CoefficientCeiling)
{
    /// <summary>The band's grades in order.</summary>
    public IEnumerable<int> Grades => Enumerable.Range(FirstGrade, LastGrade - FirstGrade + 1);

    /// <summary>The sum over the band's grades of a by-grade array (grade 1 first).</summary>
    public int Sum(IReadOnlyList<int> byGrade) => Grades.Where(g => g - 1 < byGrade.Count).Sum(g => byGrade[g - 1]);
}

/// <summary>One of the seven indicators with its names, unit and norms.</summary>
public sealed record IndicatorRule(
    Indicator Indicator, string NameZh, string NameEn, string Unit, string AmountUnit, int PerStudents, double PrimaryNorm, double JuniorNorm)
{
    /// <summary>The norm of <paramref name="part"/>.</summary>
    public double Norm(SchoolPart part) => part == SchoolPart.Junior ? JuniorNorm : PrimaryNorm;
}

/// <summary>How terms are written.</summary>
public sealed record TermFormat(string Pattern, string Example, int MinYear, int MaxYear);

/// <summary>What a scenario setting left at zero means.</summary>
public sealed record SimulationDefaults(
    string StartTerm,
    string HorizonTerm,
    double PrimaryStudentsPer1000,
    double JuniorStudentsPer1000,
    double MoveCostM,
    double CatchmentChangeCostM,
    int CandidateSchools,
    double TimeLimitSeconds,
    int MaxHorizonYears);
