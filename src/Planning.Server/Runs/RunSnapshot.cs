using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Server.Runs;

/// <summary>
/// Everything a run was computed from and everything its assessment needs, frozen when it starts
/// and stored with it (runs.snapshot_json): the standard in force, the parameters, every school
/// (with its name, kind, resources and the scenario's resource additions) and every area. A later
/// edit of the base data or of the scenario changes neither the run nor its verdict, and any server
/// can compute the run again from this alone. Names are snake_case and explicit: the stored shape
/// is ours, not a C# class's. <see cref="DatasetGeneration"/> is the base dataset's generation the
/// input was read from (Dataset.DatasetGeneration; 0 in snapshots written before it was kept): the
/// results are written only while it is still the stored one.
/// </summary>
public sealed record RunSnapshot(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("standard")] StandardRecord Standard,
    [property: JsonPropertyName("parameters")] ParametersRecord Parameters,
    [property: JsonPropertyName("schools")] IReadOnlyList<SchoolSnapshot> Schools,
    [property: JsonPropertyName("areas")] IReadOnlyList<AreaSnapshot> Areas,
    [property: JsonPropertyName("dataset_generation")] long DatasetGeneration)
{
    /// <summary>The format written today.</summary>
    public const int CurrentFormat = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The planner's pins, with the index of the scenario change that made each; null in runs stored before pins existed.</summary>
    [JsonPropertyName("pins")]
    public IReadOnlyList<PinRecord>? Pins { get; init; }

    /// <summary>The planner's locks; null in runs stored before locks existed.</summary>
    [JsonPropertyName("locks")]
    public IReadOnlyList<LockRecord>? Locks { get; init; }

    /// <summary>Neighbouring areas as pairs of codes; null in runs stored before the adjacency was kept.</summary>
    [JsonPropertyName("adjacency")]
    public IReadOnlyList<IReadOnlyList<string>>? Adjacency { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RunSnapshot>(json, Json) ?? throw new JsonException("an empty run snapshot");
}

public sealed record StandardRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("school_size_limit")] int SchoolSizeLimit,
    [property: JsonPropertyName("nine_year_size_limit")] int NineYearSizeLimit,
    [property: JsonPropertyName("primary_class_limit")] int PrimaryClassLimit,
    [property: JsonPropertyName("junior_class_limit")] int JuniorClassLimit,
    [property: JsonPropertyName("minimum_met")] int MinimumMet,
    [property: JsonPropertyName("floor_share")] double FloorShare,
    [property: JsonPropertyName("primary_coefficient_ceiling")] double PrimaryCoefficientCeiling,
    [property: JsonPropertyName("junior_coefficient_ceiling")] double JuniorCoefficientCeiling,
    [property: JsonPropertyName("primary_thresholds")] IReadOnlyList<double> PrimaryThresholds,
    [property: JsonPropertyName("junior_thresholds")] IReadOnlyList<double> JuniorThresholds,
    [property: JsonPropertyName("junior_pupil_weight")] double? JuniorPupilWeight = null);

public sealed record SolverRecord(
    [property: JsonPropertyName("time_limit_seconds")] double TimeLimitSeconds,
    [property: JsonPropertyName("relative_gap")] double RelativeGap,
    [property: JsonPropertyName("workers")] int Workers,
    [property: JsonPropertyName("max_free_areas")] int MaxFreeAreas,
    // Absent from runs made before the MIP step existed: they ran without it.
    [property: JsonPropertyName("mip_nodes")] long MipNodes = 0);

public sealed record ParametersRecord(
    [property: JsonPropertyName("start_term")] string StartTerm,
    [property: JsonPropertyName("horizon_term")] string HorizonTerm,
    [property: JsonPropertyName("primary_students_per_1000")] double PrimaryStudentsPer1000,
    [property: JsonPropertyName("junior_students_per_1000")] double JuniorStudentsPer1000,
    [property: JsonPropertyName("policy")] AssignmentPolicy Policy,
    [property: JsonPropertyName("move_cost_m")] double MoveCostM,
    [property: JsonPropertyName("catchment_change_cost_m")] double CatchmentChangeCostM,
    [property: JsonPropertyName("overflow_cost_m")] double OverflowCostM,
    [property: JsonPropertyName("allow_split")] bool AllowSplit,
    [property: JsonPropertyName("candidate_schools")] int CandidateSchools,
    [property: JsonPropertyName("max_candidate_distance_m")] double? MaxCandidateDistanceM,
    [property: JsonPropertyName("solver")] SolverRecord Solver,
    [property: JsonPropertyName("contiguous_catchments")] bool ContiguousCatchments = false,
    [property: JsonPropertyName("opening_fill_share")] double OpeningFillShare = 0,
    [property: JsonPropertyName("under_fill_cost_m")] double UnderFillCostM = 0);

public sealed record PinRecord(
    [property: JsonPropertyName("change")] int Change,
    [property: JsonPropertyName("area_code")] string AreaCode,
    [property: JsonPropertyName("part")] SchoolPart Part,
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("from")] string From);

public sealed record LockRecord(
    [property: JsonPropertyName("change")] int Change,
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("part")] SchoolPart Part,
    [property: JsonPropertyName("from")] string From);

public sealed record TrackRecord(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("primary")] int Primary,
    [property: JsonPropertyName("junior")] int Junior);

/// <summary>A stock of resources, or an addition, of one school part from a term on (amounts exactly as stored).</summary>
public sealed record ResourceRecord(
    [property: JsonPropertyName("part")] ResourcePart Part,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("teachers_degree")] double TeachersDegree,
    [property: JsonPropertyName("teachers_backbone")] double TeachersBackbone,
    [property: JsonPropertyName("teachers_pe_art")] double TeachersPeArt,
    [property: JsonPropertyName("floor_area_m2")] double FloorAreaM2,
    [property: JsonPropertyName("sports_area_m2")] double SportsAreaM2,
    [property: JsonPropertyName("equipment_value_yuan")] double EquipmentValueYuan,
    [property: JsonPropertyName("multimedia_rooms")] double MultimediaRooms);

public sealed record SchoolSnapshot(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level")] SchoolLevel Level,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("lon")] double Lon,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("tracks")] IReadOnlyList<TrackRecord> Tracks,
    [property: JsonPropertyName("enrolment")] IReadOnlyList<int> Enrolment,
    [property: JsonPropertyName("closed_from")] string? ClosedFrom,
    [property: JsonPropertyName("resources")] IReadOnlyList<ResourceRecord> Resources,
    [property: JsonPropertyName("additions")] IReadOnlyList<ResourceRecord> Additions);

public sealed record AreaSnapshot(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("kind")] AreaKind Kind,
    [property: JsonPropertyName("lon")] double Lon,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("population")] int Population,
    [property: JsonPropertyName("occupied_from")] string? OccupiedFrom,
    [property: JsonPropertyName("occupancy_ramp")] IReadOnlyList<double>? OccupancyRamp,
    [property: JsonPropertyName("students")] IReadOnlyList<int>? Students,
    [property: JsonPropertyName("school_primary")] string? SchoolPrimary,
    [property: JsonPropertyName("school_junior")] string? SchoolJunior,
    [property: JsonPropertyName("boundary")] JsonNode? Boundary);
