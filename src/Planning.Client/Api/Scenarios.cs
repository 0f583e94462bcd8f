using System.Text.Json.Serialization;

namespace Planning.Client.Api;

/// <summary>Simulation settings of a scenario; null means the server's documented default.</summary>
/// <param name="StartTerm">First simulated term; default "2020-autumn".</param>
/// <param name="HorizonTerm">Last simulated term; default "2025-autumn".</param>
/// <param name="PrimaryStudentsPer1000">千人指标 for primary; default 70.</param>
/// <param name="JuniorStudentsPer1000">千人指标 for junior; default 35.</param>
/// <param name="MoveCostM">Metres of travel one moved pupil is worth; default 2,000.</param>
/// <param name="AllowSplit">Allow splitting a residential area between schools; default false.</param>
/// <param name="CandidateSchools">Candidate schools per area, nearest first; default 8.</param>
/// <param name="TimeLimitSeconds">Solver work limit per term (CP-SAT deterministic seconds); default from Rules.</param>
/// <param name="ContiguousCatchments">Make catchments contiguous where the data allows; default false.</param>
/// <param name="OpeningFillShare">Least share of its seats a new or expanded school fills when it opens (0–1); default none.</param>
public sealed record ScenarioSettings(
    string? StartTerm = null,
    string? HorizonTerm = null,
    Policy? Policy = null,
    double? PrimaryStudentsPer1000 = null,
    double? JuniorStudentsPer1000 = null,
    double? MoveCostM = null,
    bool? AllowSplit = null,
    int? CandidateSchools = null,
    double? TimeLimitSeconds = null,
    bool? ContiguousCatchments = null,
    double? OpeningFillShare = null);

/// <summary>One change to the base data in a scenario (JSON: a "type" property names the kind).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenSchool), "open-school")]
[JsonDerivedType(typeof(CloseSchool), "close-school")]
[JsonDerivedType(typeof(ExpandSchool), "expand-school")]
[JsonDerivedType(typeof(AddResidentialArea), "add-area")]
[JsonDerivedType(typeof(AddResources), "add-resources")]
[JsonDerivedType(typeof(PinArea), "pin")]
[JsonDerivedType(typeof(LockSchool), "lock")]
public abstract record ScenarioChange;

/// <summary>A school not in the base data, opening at its first capacity step.</summary>
public sealed record OpenSchool(School School) : ScenarioChange;

/// <summary>A school that takes no pupils from a term on.</summary>
public sealed record CloseSchool(string SchoolCode, string FromTerm) : ScenarioChange;

/// <summary>Tracks added to a school from a term on.</summary>
public sealed record ExpandSchool(string SchoolCode, string FromTerm, int AddPrimaryTracks, int AddJuniorTracks) : ScenarioChange;

/// <summary>A compound or village not in the base data.</summary>
public sealed record AddResidentialArea(ResidentialArea Area) : ScenarioChange;

/// <summary>Resources added to a school part from a term on; the figures are increments.</summary>
public sealed record AddResources(string SchoolCode, SchoolResources Added) : ScenarioChange;

/// <summary>A pin: from the term on, the area's pupils of the level go to the school (part null: the school's only level).</summary>
public sealed record PinArea(string AreaCode, string SchoolCode, SchoolPart? Part, string FromTerm) : ScenarioChange;

/// <summary>A lock of the school's catchment at the level from the term on: its areas stay, no other joins.</summary>
public sealed record LockSchool(string SchoolCode, SchoolPart? Part, string FromTerm) : ScenarioChange;

/// <summary>A change this client does not know (from a newer server); kept so that change indices stay right.</summary>
public sealed record UnknownChange(string Kind) : ScenarioChange;

/// <summary>A stored scenario.</summary>
/// <param name="Id">Server-assigned UUID.</param>
/// <param name="Version">Concurrency token for AddChanges, RemoveChanges, MoveChange and UpdateSettings.</param>
public sealed record Scenario(
    string Id,
    string Name,
    string Description,
    ScenarioSettings Settings,
    IReadOnlyList<ScenarioChange> Changes,
    DateTimeOffset? CreatedAt,
    ulong Version);
