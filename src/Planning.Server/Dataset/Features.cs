using NetTopologySuite.Geometries;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

// The exchange model of docs/dataset-format.md: what a GeoJSON layer holds,
// with references by code. Import parses into it, export writes from it.

/// <param name="Synthetic">The dataset declares itself partly synthetic (optional `synthetic`, default false).</param>
/// <param name="Credits">Credit lines of the dataset's sources and licences (optional `credits`, default none).</param>
public sealed record DistrictFeature(
    string Code, string Name, long Population, MultiPolygon Geometry, bool Synthetic, IReadOnlyList<string> Credits);

public sealed record AdminAreaFeature(
    string Code, string Name, AdminAreaKind Kind, long Population, bool Approximate, MultiPolygon Geometry);

public sealed record CapacityFeature(string From, int Primary, int Junior);

public sealed record ResourceFeature(
    ResourcePart Part, string From, double TeachersDegree, double TeachersBackbone, double TeachersPeArt,
    double FloorAreaM2, double SportsAreaM2, double EquipmentValueYuan, double MultimediaRooms);

public sealed record SchoolFeature(
    string Code, string Name, SchoolLevel Level, SchoolKind Kind, string AdminArea, Point Location,
    IReadOnlyList<CapacityFeature> Tracks, IReadOnlyList<ResourceFeature> Resources, int[] Enrolment);

public sealed record ResidentialAreaFeature(
    string Code, string Name, AreaKind Kind, string AdminArea, MultiPolygon Geometry,
    int Population, int Households, string? OccupiedFrom, double[]? OccupancyRamp, int[]? Students,
    string? SchoolPrimary, string? SchoolJunior);

/// <summary>All layers of one upload; a layer not sent is empty.</summary>
public sealed record DatasetFeatures(
    IReadOnlyList<DistrictFeature> Districts,
    IReadOnlyList<AdminAreaFeature> AdminAreas,
    IReadOnlyList<SchoolFeature> Schools,
    IReadOnlyList<ResidentialAreaFeature> ResidentialAreas);

/// <summary>Layer names as used in files and in field-violation paths.</summary>
public static class LayerNames
{
    public const string District = "district";
    public const string AdminAreas = "admin_areas";
    public const string Schools = "schools";
    public const string ResidentialAreas = "residential_areas";
    public const string Catchments = "catchments";
}

/// <summary>Text forms of the enums in GeoJSON properties.</summary>
public static class EnumNames
{
    public static readonly IReadOnlyDictionary<string, AdminAreaKind> AdminAreaKinds =
        new Dictionary<string, AdminAreaKind> { ["street"] = AdminAreaKind.Street, ["town"] = AdminAreaKind.Town };

    public static readonly IReadOnlyDictionary<string, SchoolLevel> Levels = new Dictionary<string, SchoolLevel>
    {
        ["primary"] = SchoolLevel.Primary, ["junior"] = SchoolLevel.Junior, ["nine_year"] = SchoolLevel.NineYear,
    };

    public static readonly IReadOnlyDictionary<string, SchoolKind> Kinds = new Dictionary<string, SchoolKind>
    {
        ["existing"] = SchoolKind.Existing, ["new"] = SchoolKind.New, ["expanded"] = SchoolKind.Expanded,
    };

    public static readonly IReadOnlyDictionary<string, SchoolPart> Parts =
        new Dictionary<string, SchoolPart> { ["primary"] = SchoolPart.Primary, ["junior"] = SchoolPart.Junior };

    /// <summary>Whom a resource entry serves: a part, or (in a nine-year school) both, apportioned by pupils.</summary>
    public static readonly IReadOnlyDictionary<string, ResourcePart> ResourceParts = new Dictionary<string, ResourcePart>
    {
        ["primary"] = ResourcePart.Primary, ["junior"] = ResourcePart.Junior, ["shared"] = ResourcePart.Shared,
    };

    public static readonly IReadOnlyDictionary<string, AreaKind> AreaKinds =
        new Dictionary<string, AreaKind>
        {
            ["compound"] = AreaKind.Compound, ["village"] = AreaKind.Village,
        };

    public static string Name<T>(IReadOnlyDictionary<string, T> names, T value) where T : struct, Enum =>
        names.First(kv => EqualityComparer<T>.Default.Equals(kv.Value, value)).Key;
}
