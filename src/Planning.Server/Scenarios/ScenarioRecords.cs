using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Server.Scenarios;

/// <summary>
/// A scenario as stored (two jsonb columns), in a shape of our own, not the contract's: a contract v2
/// maps to the same records, and stored scenarios survive it. Names are snake_case as in
/// docs/dataset-format.md; schools and areas a scenario adds are stored as features of that format.
/// </summary>
public static class ScenarioRecords
{
    /// <summary>The format written today; rows of format 1 (contract JSON) are upgraded at start-up.</summary>
    public const int Format = 2;

    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // jsonb orders an object's keys by itself: "type" may come after "area".
        AllowOutOfOrderMetadataProperties = true,
    };
}

/// <summary>Simulation settings; null means the server's default.</summary>
public sealed record SettingsRecord(
    [property: JsonPropertyName("start_term")] string? StartTerm = null,
    [property: JsonPropertyName("horizon_term")] string? HorizonTerm = null,
    [property: JsonPropertyName("policy")] AssignmentPolicy? Policy = null,
    [property: JsonPropertyName("primary_students_per_1000")] double? PrimaryStudentsPer1000 = null,
    [property: JsonPropertyName("junior_students_per_1000")] double? JuniorStudentsPer1000 = null,
    [property: JsonPropertyName("move_cost_m")] double? MoveCostM = null,
    [property: JsonPropertyName("allow_split")] bool AllowSplit = false,
    [property: JsonPropertyName("candidate_schools")] int? CandidateSchools = null,
    [property: JsonPropertyName("time_limit_seconds")] double? TimeLimitSeconds = null,
    [property: JsonPropertyName("contiguous_catchments")] bool ContiguousCatchments = false,
    [property: JsonPropertyName("opening_fill_share")] double? OpeningFillShare = null);

/// <summary>One change, told apart by its "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenSchoolRecord), "open_school")]
[JsonDerivedType(typeof(CloseSchoolRecord), "close_school")]
[JsonDerivedType(typeof(ExpandSchoolRecord), "expand_school")]
[JsonDerivedType(typeof(AddAreaRecord), "add_residential_area")]
[JsonDerivedType(typeof(AddResourcesRecord), "add_resources")]
[JsonDerivedType(typeof(PinAreaRecord), "pin_area")]
[JsonDerivedType(typeof(LockSchoolRecord), "lock_school")]
public abstract record ChangeRecord;

/// <summary>A new school: a GeoJSON Feature of the schools layer (docs/dataset-format.md).</summary>
public sealed record OpenSchoolRecord([property: JsonPropertyName("school")] JsonObject School) : ChangeRecord;

public sealed record CloseSchoolRecord(
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("from_term")] string FromTerm) : ChangeRecord;

public sealed record ExpandSchoolRecord(
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("from_term")] string FromTerm,
    [property: JsonPropertyName("add_primary_tracks")] int AddPrimaryTracks,
    [property: JsonPropertyName("add_junior_tracks")] int AddJuniorTracks) : ChangeRecord;

/// <summary>A new residential area: a GeoJSON Feature of the residential_areas layer.</summary>
public sealed record AddAreaRecord([property: JsonPropertyName("area")] JsonObject Area) : ChangeRecord;

/// <summary>Increments to a school part from a term on: an entry of a school's "resources" (docs/dataset-format.md).</summary>
public sealed record AddResourcesRecord(
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("resources")] JsonObject Resources) : ChangeRecord;

/// <summary>A pin: the area goes to the school for the level from the term on; part null means the school's only level.</summary>
public sealed record PinAreaRecord(
    [property: JsonPropertyName("area_code")] string AreaCode,
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("part")] SchoolPart? Part,
    [property: JsonPropertyName("from_term")] string FromTerm) : ChangeRecord;

/// <summary>A lock of the school's catchment for the level from the term on; part null means the school's only level.</summary>
public sealed record LockSchoolRecord(
    [property: JsonPropertyName("school_code")] string SchoolCode,
    [property: JsonPropertyName("part")] SchoolPart? Part,
    [property: JsonPropertyName("from_term")] string FromTerm) : ChangeRecord;
