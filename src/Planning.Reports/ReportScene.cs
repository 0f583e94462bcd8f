using NetTopologySuite.Geometries;

namespace Planning.Reports;

/// <summary>One run, or the base data, in one term.</summary>
/// <param name="Run">The run; null for the base data's current catchments.</param>
/// <param name="Figures">The term's headline figures; null for the base data.</param>
/// <param name="Schools">The schools open in the term.</param>
/// <param name="Violations">Size, class and seat violations in the term.</param>
public sealed record ReportScene(
    ReportRun? Run,
    string Term,
    TermFigures? Figures,
    IReadOnlyList<SceneSchool> Schools,
    IReadOnlyList<SceneCatchment> Catchments,
    IReadOnlyList<ReportViolation> Violations)
{
    /// <summary>What the scene is, in one line: the scenario and run, or the base data.</summary>
    public string Description => Run is null
        ? "现状 current catchments (base data, base-term enrolment)"
        : $"方案 {Run.ScenarioName ?? "基础数据 base data"} · run {Run.Label} ({(Run.Mode == RunMode.KeepCurrent ? "no redistribution" : "redistributed")})";

    /// <summary>A short name for side-by-side pages: the run's label.</summary>
    public string ShortName => Run?.Label ?? "现状 current";

    /// <summary>The school with <paramref name="code"/>, if open in the term.</summary>
    public SceneSchool? School(string code) => Schools.FirstOrDefault(s => s.Code == code);

    internal IEnumerable<string> Texts() => [Description, .. Schools.Select(s => s.Name), .. Violations.Select(v => v.Message)];
}

/// <summary>A simulation run as the report names it.</summary>
/// <param name="Label">The run's label, else its id.</param>
/// <param name="ScenarioName">Null for a run of the base data.</param>
/// <param name="Solver">The engine build that computed it (Run.solver); "" when the server names none.</param>
public sealed record ReportRun(string Id, string Label, string? ScenarioName, RunMode Mode, string Solver = "");

/// <summary>A term's headline figures (TermSummary).</summary>
public sealed record TermFigures(
    int Students, int SchoolsOverSize, int GradesOverClassLimit, int SeatsShort, int StudentsMoved, double MeanDistanceM, double MaxDistanceM);

/// <summary>An open school in the term: the parts it teaches, where it is, its pupils by grade 1–9 and the tracks in force.</summary>
public sealed record SceneSchool(
    string Code,
    string Name,
    IReadOnlyList<SchoolPart> Parts,
    SchoolKind Kind,
    double Lon,
    double Lat,
    IReadOnlyList<int> Enrolment,
    int PrimaryTracks,
    int JuniorTracks,
    int SizeLimit)
{
    public int Tracks(SchoolPart part) => part == SchoolPart.Junior ? JuniorTracks : PrimaryTracks;

    public bool Teaches(SchoolPart part) => Parts.Contains(part);
}

/// <summary>The area one school serves for one part.</summary>
public sealed record SceneCatchment(string SchoolCode, SchoolPart Part, Geometry Area);

/// <summary>A violation of the size or class limits, or pupils without a seat (grade 0 for the whole school).</summary>
public sealed record ReportViolation(ViolationKind Kind, string SchoolCode, int Grade, double Value, double Limit, string Message);
