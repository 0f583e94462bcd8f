namespace Planning.Reports;

/// <summary>The rules in force (GetRules): the limits and the standard's indicators the report states and checks against.</summary>
public sealed record ReportRules(
    string Standard,
    int SchoolSizeLimit,
    int NineYearSizeLimit,
    IReadOnlyList<ReportBand> Bands,
    IReadOnlyList<ReportIndicator> Indicators,
    int MinimumIndicatorsMet,
    double FloorShare)
{
    public ReportBand Band(SchoolPart part) =>
        Bands.FirstOrDefault(b => b.Part == part) ?? throw new ArgumentOutOfRangeException(nameof(part), part, "no such grade band");

    /// <summary>The indicator's rule; the enum's name when the server sent none for it.</summary>
    public ReportIndicator Indicator(Indicator indicator) =>
        Indicators.FirstOrDefault(i => i.Indicator == indicator) ?? new ReportIndicator(indicator, $"{indicator}", $"{indicator}", "", "", 0, 0);
}

/// <summary>A band of grades with its class limit and coefficient ceiling.</summary>
public sealed record ReportBand(SchoolPart Part, int FirstGrade, int LastGrade, int ClassLimit, double CoefficientCeiling)
{
    public IEnumerable<int> Grades => Enumerable.Range(FirstGrade, LastGrade - FirstGrade + 1);

    /// <summary>The sum over the band's grades of a by-grade array (grade 1 first).</summary>
    public int Sum(IReadOnlyList<int> byGrade) => Grades.Where(g => g - 1 < byGrade.Count).Sum(g => byGrade[g - 1]);
}

/// <summary>One of the standard's seven indicators, with its Chinese name as the standard writes it.</summary>
public sealed record ReportIndicator(Indicator Indicator, string NameZh, string NameEn, string Unit, string AmountUnit, double PrimaryNorm, double JuniorNorm)
{
    public double Norm(SchoolPart part) => part == SchoolPart.Junior ? JuniorNorm : PrimaryNorm;
}
