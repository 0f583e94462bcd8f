namespace Planning.Client.Api;

// The client's own enums mirror the planning.v1 values one to one (same numbers),
// so callers never touch generated proto types. Unspecified is what an older
// or newer server may send for a value this client does not know.

/// <summary>Which grades a school teaches.</summary>
public enum SchoolLevel
{
    Unspecified = 0,
    /// <summary>小学, grades 1–6.</summary>
    Primary = 1,
    /// <summary>初中, grades 7–9.</summary>
    Junior = 2,
    /// <summary>九年一贯制, grades 1–9.</summary>
    NineYear = 3,
}

/// <summary>The school's role in the 2020–2022 action plan.</summary>
public enum SchoolKind
{
    Unspecified = 0,
    Existing = 1,
    New = 2,
    Expanded = 3,
}

/// <summary>Grades 1–6 (primary) or 7–9 (junior).</summary>
public enum SchoolPart
{
    Unspecified = 0,
    Primary = 1,
    Junior = 2,
}

public enum AdminAreaKind
{
    Unspecified = 0,
    /// <summary>街道, an urban street.</summary>
    Street = 1,
    /// <summary>镇, a town.</summary>
    Town = 2,
}

public enum ResidentialAreaKind
{
    Unspecified = 0,
    /// <summary>小区, an urban compound.</summary>
    Compound = 1,
    /// <summary>村, a village.</summary>
    Village = 2,
}

/// <summary>A layer that can be imported or exported.</summary>
public enum Layer
{
    Unspecified = 0,
    District = 1,
    AdminAreas = 2,
    Schools = 3,
    ResidentialAreas = 4,
    /// <summary>Catchments of a simulation run (export only).</summary>
    Catchments = 5,
}

public enum ImportMode
{
    Unspecified = 0,
    /// <summary>Replace the whole base dataset.</summary>
    Replace = 1,
    /// <summary>Add features whose codes are new.</summary>
    Append = 2,
}

public enum ExportFormat
{
    Unspecified = 0,
    GeoJson = 1,
    GeoPackage = 2,
}

/// <summary>How pupils already enrolled are treated when catchments change.</summary>
public enum Policy
{
    Unspecified = 0,
    /// <summary>Enrolled pupils stay; new intake follows the new catchments.</summary>
    IntakeOnly = 1,
    /// <summary>Any pupil may move, at a cost per moved pupil.</summary>
    Reassign = 2,
}

public enum RunMode
{
    Unspecified = 0,
    /// <summary>Optimise the catchments every term.</summary>
    Redistribute = 1,
    /// <summary>Every area keeps its base-term school (the "before" picture).</summary>
    KeepCurrent = 2,
}

public enum RunStatus
{
    Unspecified = 0,
    Running = 1,
    Succeeded = 2,
    Cancelled = 3,
    Failed = 4,
    Interrupted = 5,
    /// <summary>Waiting for a free place: the server computes a limited number of runs at once.</summary>
    Queued = 6,
}

public enum ViolationKind
{
    Unspecified = 0,
    SchoolSize = 1,
    ClassSize = 2,
    SeatsShort = 3,
}

/// <summary>The seven resource indicators of the national standard.</summary>
public enum Indicator
{
    Unspecified = 0,
    DegreeTeachers = 1,
    BackboneTeachers = 2,
    PeArtTeachers = 3,
    FloorArea = 4,
    SportsArea = 5,
    EquipmentValue = 6,
    MultimediaRooms = 7,
}

public enum AssessmentFormat
{
    Unspecified = 0,
    /// <summary>UTF-8 CSV with BOM.</summary>
    Csv = 1,
    /// <summary>SpreadsheetML 2003 XML.</summary>
    SpreadsheetXml = 2,
}

/// <summary>grpc.health.v1 serving status.</summary>
public enum HealthStatus
{
    Unknown = 0,
    Serving = 1,
    NotServing = 2,
    ServiceUnknown = 3,
}

/// <summary>What an API key may do; each role includes the ones before it.</summary>
public enum Role
{
    Unspecified = 0,
    /// <summary>Reads everything.</summary>
    Viewer = 1,
    /// <summary>Also creates and changes scenarios, runs simulations and exports.</summary>
    Planner = 2,
    /// <summary>Also imports and edits the base data, manages keys and reads the audit trail.</summary>
    Admin = 3,
}

/// <summary>How an audited call ended.</summary>
public enum AuditOutcome
{
    Unspecified = 0,
    /// <summary>The change was made.</summary>
    Done = 1,
    /// <summary>Refused: the key's role is below the method's.</summary>
    Denied = 2,
}
