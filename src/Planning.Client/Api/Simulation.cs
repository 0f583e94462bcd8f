namespace Planning.Client.Api;

/// <summary>Headline figures of one simulated term.</summary>
/// <param name="SchoolsOverSize">Schools over 2,000 (nine-year 2,500).</param>
/// <param name="GradesOverClassLimit">School grades whose students exceed tracks × the class limit (Rules).</param>
/// <param name="SeatsShort">Students without a seat anywhere.</param>
/// <param name="StudentsMoved">Students at a different school than in the previous term.</param>
/// <param name="OptimalityGap">(objective − bound) / objective, against a proven bound (see <see cref="Solve"/>).</param>
/// <param name="Enclaves">Pieces of catchments cut off from the rest, over every school and level.</param>
/// <param name="ConstraintIssues">Pins and locks that made the term infeasible or could not be held.</param>
/// <param name="Solve">How the term was solved: objective, bound, breakdown, time.</param>
public sealed record TermSummary(
    string Term,
    int Students,
    int SchoolsOverSize,
    int GradesOverClassLimit,
    int SeatsShort,
    int StudentsMoved,
    double MeanDistanceM,
    double MaxDistanceM,
    double OptimalityGap,
    int Enclaves = 0,
    int ConstraintIssues = 0,
    SolveSummary? Solve = null);

/// <summary>How one term was solved; costs in metres-equivalent.</summary>
/// <param name="Method">rounded, local-search, cp-sat, mip, … with "+contiguity" when enclaves were repaired.</param>
/// <param name="BoundKind">exact, whole-area LP, split flow or none.</param>
/// <param name="Breakdown">The objective by level and kind of cost.</param>
public sealed record SolveSummary(
    string Method,
    double Objective,
    double LowerBound,
    string BoundKind,
    string BoundMethod,
    double SolveSeconds,
    double BoundSeconds,
    IReadOnlyList<ObjectiveTerms> Breakdown,
    long OverflowPupils,
    long MinimumOverflowBound);

/// <summary>One row of an objective's breakdown: pupils and their cost per kind.</summary>
public sealed record ObjectiveTerms(
    ObjectiveLevel Level,
    long TravelPupilM,
    long MovedPupils,
    long MoveCost,
    long ChangedPupils,
    long ChangeCost,
    long OverflowPupils,
    long OverflowCost,
    long UnderFillPupils,
    long UnderFillCost);

/// <summary>A simulation run.</summary>
public sealed record Run(
    string Id,
    string ScenarioId,
    RunMode Mode,
    string Label,
    RunStatus Status,
    string Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Terms,
    IReadOnlyList<TermSummary> Summaries,
    DateTimeOffset? QueuedAt = null,
    string StartedBy = "",
    string Node = "",
    int Attempts = 0,
    string Solver = "");

/// <summary>One resource addition a run was computed with, as frozen when it started: the school's name of that moment and the increments.</summary>
public sealed record RunAddition(string SchoolCode, string SchoolName, SchoolResources Added);

/// <summary>Progress of a running simulation.</summary>
/// <param name="Percent">0–100.</param>
/// <param name="QueuePosition">While the run waits in line: 1 = next; 0 once it computes.</param>
/// <param name="Sequence">The event's place in the run's journal: pass the last one seen to WatchRunAsync to resume.</param>
public sealed record RunProgress(string RunId, string Term, double Percent, string Message, int QueuePosition = 0, long Sequence = 0);

/// <summary>One message of the RunSimulation stream: progress, or the finished run (last).</summary>
public sealed record RunUpdate(RunProgress? Progress, Run? Finished);

/// <summary>One school in one term of a run.</summary>
/// <param name="Open">False before the school opens or after it closes.</param>
public sealed record SchoolTermResult(
    string SchoolCode,
    string SchoolName,
    SchoolLevel Level,
    bool Open,
    IReadOnlyList<int> Enrolment,
    IReadOnlyList<int> Classes,
    IReadOnlyList<int> LargestClass,
    int Total,
    int SizeLimit,
    int PrimaryTracks,
    int JuniorTracks);

/// <summary>The schools serving one residential area in one term.</summary>
public sealed record AreaAssignment(
    string AreaCode,
    string SchoolPrimaryCode,
    string SchoolJuniorCode,
    IReadOnlyList<int> Students,
    double DistancePrimaryM,
    double DistanceJuniorM);

/// <summary>A broken limit.</summary>
/// <param name="Grade">1–9 for class-size violations, 0 otherwise.</param>
public sealed record Violation(
    ViolationKind Kind, string SchoolCode, int Grade, double Value, double Limit, IReadOnlyList<string> AreaCodes, string Message);

/// <summary>Results of one run in one term.</summary>
/// <param name="ConstraintIssues">Pins and locks that made the term infeasible or could not be held.</param>
/// <param name="Catchments">Every catchment with its pieces and enclaves.</param>
public sealed record TermResult(
    string RunId,
    string Term,
    TermSummary? Summary,
    IReadOnlyList<SchoolTermResult> Schools,
    IReadOnlyList<AreaAssignment> Assignments,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<ConstraintIssue>? ConstraintIssues = null,
    IReadOnlyList<CatchmentShape>? Catchments = null);

/// <summary>A pin or lock that made a term infeasible or could not be held, named by its change index.</summary>
/// <param name="Grade">The grade over its seats, 0 for the whole school or none.</param>
public sealed record ConstraintIssue(
    ConstraintIssueKind Kind, int ChangeIndex, string AreaCode, string SchoolCode, SchoolPart Part, int Grade, int Students, int Limit, string Message);

/// <summary>A catchment as pieces of neighbouring areas: 1 part is contiguous.</summary>
public sealed record CatchmentShape(string SchoolCode, SchoolPart Part, int Areas, int Parts, IReadOnlyList<Enclave> Enclaves);

/// <summary>A piece cut off from the rest of its catchment, and why it remains (when contiguity was asked for).</summary>
public sealed record Enclave(IReadOnlyList<string> AreaCodes, string Reason);

/// <summary>Catchment polygons: a GeoJSON FeatureCollection, one feature per school.</summary>
public sealed record Catchments(string FeatureCollectionGeoJson, int FeatureCount);

/// <summary>Students whose school differs between two runs.</summary>
public sealed record StudentFlow(string FromSchoolCode, string ToSchoolCode, SchoolPart Part, int Students);

/// <summary>Two runs in one term.</summary>
public sealed record TermComparison(
    string Term, TermSummary? A, TermSummary? B, IReadOnlyList<StudentFlow> Flows, IReadOnlyList<string> ChangedAreaCodes);
