using NetTopologySuite.Geometries;

namespace Planning.Reports;

/// <summary>
/// Everything the maps and the printed report show, as figures: the command line fills it through the
/// client library, the server from its own queries. What is derived from the figures (statuses, tables,
/// titles, views) is derived here, once.
/// </summary>
/// <param name="Scene">The run (or the base data) in the term reported.</param>
/// <param name="Assessment">The district's verdict on the national standard; null with <paramref name="AssessmentNote"/> saying why.</param>
/// <param name="Before">Another run in the same term, for the before/after page; null for none.</param>
/// <param name="Flows">Students whose school differs between <paramref name="Before"/> and <paramref name="Scene"/>.</param>
/// <param name="Additions">The run's scenario's AddResources changes, one amount each; null or empty for none.</param>
public sealed record ReportData(
    ReportHeader Header,
    ReportRules Rules,
    ReportGeography Geography,
    ReportScene Scene,
    ReportAssessment? Assessment = null,
    string? AssessmentNote = null,
    ReportScene? Before = null,
    IReadOnlyList<ReportFlow>? Flows = null,
    IReadOnlyList<ReportAddition>? Additions = null)
{
    /// <summary>Every text the report may draw beyond its fixed labels, for the font check.</summary>
    public IEnumerable<string> Texts() =>
    [
        Header.DistrictName, Header.IssuingOffice, .. Header.Credits, .. Geography.AdminAreas.Select(a => a.Name),
        .. Scene.Texts(), .. Before?.Texts() ?? [], .. Rules.Indicators.SelectMany(i => new[] { i.NameZh, i.NameEn, i.Unit }),
        AssessmentNote ?? "", .. (Additions ?? []).Select(a => a.SchoolName), .. ReportText.Fixed,
    ];
}

/// <summary>Who issues the report and what its data is.</summary>
/// <param name="DistrictName">e.g. 宝坻区.</param>
/// <param name="IssuingOffice">e.g. 宝坻区教育局.</param>
/// <param name="Synthetic">The dataset says it is (partly) synthetic: the cover, every map and the sources page say so.</param>
/// <param name="Credits">The dataset's credit lines (sources and licences), on every map and the sources page.</param>
public sealed record ReportHeader(string DistrictName, string IssuingOffice, DateOnly Issued, bool Synthetic, IReadOnlyList<string> Credits);

/// <summary>The district outline and its streets (街道) and towns (镇).</summary>
public sealed record ReportGeography(Geometry District, IReadOnlyList<MapAdminArea> AdminAreas);

/// <summary>A named street or town.</summary>
public sealed record MapAdminArea(string Name, bool IsStreet, Geometry Area);

/// <summary>The district's verdict (AssessDistrict): per part, coefficients and school counts.</summary>
public sealed record ReportAssessment(bool Passes, IReadOnlyList<PartVerdict> Parts);

/// <summary>One part's school count, schools meeting every item, and enrolment-weighted difference coefficients.</summary>
public sealed record PartVerdict(SchoolPart Part, int Schools, int SchoolsMeetingAll, IReadOnlyList<CoefficientFigure> Coefficients);

public sealed record CoefficientFigure(Indicator Indicator, double Value, double Ceiling, bool Met);

/// <summary>Students of a part at <paramref name="ToSchool"/> in one run who are at <paramref name="FromSchool"/> in the other.</summary>
public sealed record ReportFlow(string FromSchool, string ToSchool, SchoolPart Part, int Students);
