namespace Planning.Client.Api;

/// <summary>Tracks (轨, parallel classes per grade) from a term on.</summary>
public sealed record CapacityStep(string FromTerm, int PrimaryTracks, int JuniorTracks);

/// <summary>The resources behind the seven indicators, for one part of a school from a term on.</summary>
public sealed record SchoolResources(
    SchoolPart Part,
    string FromTerm,
    double TeachersDegree,
    double TeachersBackbone,
    double TeachersPeArt,
    double FloorAreaM2,
    double SportsAreaM2,
    double EquipmentValueYuan,
    double MultimediaRooms);

/// <summary>A school of the base data.</summary>
/// <param name="Id">Database id; 0 when creating.</param>
/// <param name="Capacity">Tracks per term, ascending by term.</param>
/// <param name="Enrolment">Students in grades 1–9 in the base term (9 values).</param>
/// <param name="Version">Concurrency token: send back the value read when updating.</param>
public sealed record School(
    long Id,
    string Code,
    string Name,
    SchoolLevel Level,
    SchoolKind Kind,
    string AdminAreaCode,
    double Lon,
    double Lat,
    IReadOnlyList<CapacityStep> Capacity,
    IReadOnlyList<SchoolResources> Resources,
    IReadOnlyList<int> Enrolment,
    ulong Version)
{
    /// <summary>Students in all grades in the base term.</summary>
    public int TotalEnrolment => Enrolment.Sum();

    /// <summary>The tracks in force in a term: the last step starting at or before it; null before the school opens.</summary>
    public CapacityStep? CapacityIn(string term) =>
        Capacity.LastOrDefault(step => Terms.Compare(step.FromTerm, term) <= 0);
}

/// <summary>Filter of <see cref="PlanningClient.ListSchoolsAsync"/>; null means any.</summary>
public sealed record SchoolFilter(
    SchoolLevel? Level = null, SchoolKind? Kind = null, string? AdminAreaCode = null, BoundingBox? Bbox = null);

/// <summary>A residential compound (小区) or village (村).</summary>
/// <param name="GeometryGeoJson">Boundary as GeoJSON; empty unless requested.</param>
/// <param name="OccupiedFrom">First term with residents; empty when occupied before the base term.</param>
/// <param name="OccupancyRamp">Share of the population living there per school year from OccupiedFrom.</param>
/// <param name="Students">Students by grade 1–9 in the base term, or empty when unknown.</param>
/// <param name="SchoolPrimaryCode">School serving grades 1–6 in the base term; empty when none.</param>
/// <param name="SchoolJuniorCode">School serving grades 7–9 in the base term; empty when none.</param>
public sealed record ResidentialArea(
    long Id,
    string Code,
    string Name,
    ResidentialAreaKind Kind,
    string AdminAreaCode,
    string GeometryGeoJson,
    int Population,
    int Households,
    string OccupiedFrom,
    IReadOnlyList<double> OccupancyRamp,
    IReadOnlyList<int> Students,
    string SchoolPrimaryCode,
    string SchoolJuniorCode,
    ulong Version,
    double CentroidLon,
    double CentroidLat);

/// <summary>Filter of <see cref="PlanningClient.ListResidentialAreasAsync"/>; null means any.</summary>
/// <param name="SchoolCode">Only areas whose current primary or junior school has this code.</param>
public sealed record ResidentialAreaFilter(
    ResidentialAreaKind? Kind = null,
    string? AdminAreaCode = null,
    BoundingBox? Bbox = null,
    string? SchoolCode = null,
    bool IncludeGeometry = false);

/// <summary>Terms are "YYYY-autumn" or "YYYY-spring"; 2020-autumn is followed by 2021-spring.</summary>
public static class Terms
{
    /// <summary>True for a well-formed term such as "2021-autumn".</summary>
    public static bool IsValid(string term) => Order(term) is not null;

    /// <summary>A number that grows by one per term; null when the text is not a term.</summary>
    public static int? Order(string term)
    {
        var parts = term.Split('-');
        if (parts.Length != 2 || parts[0].Length != 4 || !int.TryParse(parts[0], out var year))
        {
            return null;
        }
        return parts[1] switch
        {
            "spring" => year * 2,
            "autumn" => (year * 2) + 1,
            _ => null,
        };
    }

    /// <summary>Orders two terms; malformed terms sort first.</summary>
    public static int Compare(string a, string b) => (Order(a) ?? int.MinValue).CompareTo(Order(b) ?? int.MinValue);
}
