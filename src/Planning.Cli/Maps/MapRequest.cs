using Planning.Client.Api;

namespace Planning.Cli.Maps;

/// <summary>What to map.</summary>
/// <param name="Part">Primary (grades 1–6) or junior (7–9) catchments: the map, or the report's first map.</param>
/// <param name="Term">Term shown; default the run's last term, or without a run the server's start term (Rules).</param>
/// <param name="RunId">A simulation run; null maps the current catchments (each area's current school).</param>
/// <param name="Bbox">Zoom on this box; null shows the whole district (or the urban streets with <paramref name="Urban"/>).</param>
/// <param name="Urban">Zoom on the urban streets (街道).</param>
/// <param name="Report">Load everything the PDF report shows (both parts, the assessment, the comparison), not just one map.</param>
/// <param name="CompareRunId">The "before" run of the report's before/after page.</param>
/// <param name="IssuingOffice">Who issues the report; default the district's education bureau.</param>
public sealed record MapRequest(
    SchoolPart Part,
    string? Term = null,
    string? RunId = null,
    BoundingBox? Bbox = null,
    bool Urban = false,
    bool Report = false,
    string? CompareRunId = null,
    string? IssuingOffice = null);
