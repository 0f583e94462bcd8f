namespace Planning.Client.Api;

/// <summary>Enrolment-weighted difference coefficient of one indicator.</summary>
/// <param name="Value">S / X̄, unrounded; 0 when undefined.</param>
/// <param name="Met">True only when defined and within the ceiling.</param>
/// <param name="Status">Defined, or why not (no pupils, or every part at zero).</param>
/// <param name="UndefinedReason">The reason in words; empty when defined.</param>
/// <param name="Students">N, the pupils counted.</param>
/// <param name="Mean">X̄, the enrolment-weighted mean.</param>
public sealed record Coefficient(
    Indicator Indicator, double Value, double Ceiling, bool Met, IReadOnlyList<string> TopContributors,
    CoefficientStatus Status, string UndefinedReason, int Students, double Mean)
{
    /// <summary>True when the coefficient has a value.</summary>
    public bool Defined => Status == CoefficientStatus.Defined;
}

/// <summary>The primary or junior half of a district assessment.</summary>
public sealed record PartAssessment(SchoolPart Part, int Schools, int SchoolsMeetingAll, IReadOnlyList<Coefficient> Coefficients);

/// <summary>The district verdict of a run in a term.</summary>
public sealed record DistrictAssessment(string RunId, string Term, IReadOnlyList<PartAssessment> Parts, bool Passes);

/// <summary>One indicator of one school part.</summary>
/// <param name="Gap">What must be added to meet it; 0 when met.</param>
public sealed record IndicatorResult(Indicator Indicator, double Value, double Threshold, bool Met, double Gap, string GapText);

public sealed record SchoolPartAssessment(
    SchoolPart Part, int Students, IReadOnlyList<IndicatorResult> Indicators, bool SixOfSeven, bool SizeOk, bool ClassesOk);

/// <summary>One school with every item and its gap.</summary>
public sealed record SchoolAssessment(string SchoolCode, string SchoolName, IReadOnlyList<SchoolPartAssessment> Parts);

/// <summary>An open item of the rectification list (销号管理).</summary>
/// <param name="Item">"size" or "classes" for non-indicator items.</param>
/// <param name="ClosedTerm">Empty when not closed by the horizon.</param>
public sealed record RectificationItem(
    string SchoolCode, SchoolPart Part, Indicator Indicator, string Item, string OpenedTerm, string ClosedTerm);
