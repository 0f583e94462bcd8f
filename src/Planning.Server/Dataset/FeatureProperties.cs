using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>Properties of each layer exactly as docs/dataset-format.md names them, so an export re-imports unchanged.</summary>
public static class FeatureProperties
{
    public static ExportFeature From(DistrictFeature d) => new(GeoJsonFile.Simplest(d.Geometry), new JsonObject
    {
        ["code"] = d.Code, ["name"] = d.Name, ["population"] = d.Population,
        ["synthetic"] = d.Synthetic, ["credits"] = new JsonArray([.. d.Credits.Select(c => (JsonNode)c)]),
    });

    public static ExportFeature From(AdminAreaFeature a) => new(GeoJsonFile.Simplest(a.Geometry), new JsonObject
    {
        ["code"] = a.Code,
        ["name"] = a.Name,
        ["kind"] = EnumNames.Name(EnumNames.AdminAreaKinds, a.Kind),
        ["population"] = a.Population,
        ["approximate"] = a.Approximate,
    });

    public static ExportFeature From(SchoolFeature s) => new(s.Location, new JsonObject
    {
        ["code"] = s.Code,
        ["name"] = s.Name,
        ["level"] = EnumNames.Name(EnumNames.Levels, s.Level),
        ["kind"] = EnumNames.Name(EnumNames.Kinds, s.Kind),
        ["admin_area"] = s.AdminArea,
        ["tracks"] = new JsonArray([.. s.Tracks.Select(t => (JsonNode)new JsonObject
        {
            ["from"] = t.From, ["primary"] = t.Primary, ["junior"] = t.Junior,
        })]),
        ["resources"] = new JsonArray([.. s.Resources.Select(r => (JsonNode)From(r))]),
        ["enrolment"] = Ints(s.Enrolment),
    });

    /// <summary>One entry of a school's "resources".</summary>
    public static JsonObject From(ResourceFeature r) => new()
    {
        ["part"] = EnumNames.Name(EnumNames.ResourceParts, r.Part),
        ["from"] = r.From,
        ["teachers_degree"] = r.TeachersDegree,
        ["teachers_backbone"] = r.TeachersBackbone,
        ["teachers_pe_art"] = r.TeachersPeArt,
        ["floor_area_m2"] = r.FloorAreaM2,
        ["sports_area_m2"] = r.SportsAreaM2,
        ["equipment_value_yuan"] = r.EquipmentValueYuan,
        ["multimedia_rooms"] = r.MultimediaRooms,
    };

    public static ExportFeature From(ResidentialAreaFeature a) => new(GeoJsonFile.Simplest(a.Geometry), new JsonObject
    {
        ["code"] = a.Code,
        ["name"] = a.Name,
        ["kind"] = EnumNames.Name(EnumNames.AreaKinds, a.Kind),
        ["admin_area"] = a.AdminArea,
        ["population"] = a.Population,
        ["households"] = a.Households,
        ["occupied_from"] = a.OccupiedFrom,
        ["occupancy_ramp"] = a.OccupancyRamp is null ? null : new JsonArray([.. a.OccupancyRamp.Select(x => (JsonNode)x)]),
        ["students"] = a.Students is null ? null : Ints(a.Students),
        ["school_primary"] = a.SchoolPrimary,
        ["school_junior"] = a.SchoolJunior,
    });

    public static DistrictFeature ToFeature(DistrictRow d) => new(d.Code, d.Name, d.Population, d.Boundary, d.Synthetic, d.Credits);

    public static AdminAreaFeature ToFeature(AdminAreaRow a) =>
        new(a.Code, a.Name, a.Kind, a.Population, a.Approximate, a.Boundary);

    public static SchoolFeature ToFeature(SchoolRow s) => new(
        s.Code, s.Name, s.Level, s.Kind, s.AdminArea!.Code, s.Location,
        [.. s.Capacity.OrderBy(c => DatasetValidator.TermOrder(c.FromTerm))
            .Select(c => new CapacityFeature(c.FromTerm, c.PrimaryTracks, c.JuniorTracks))],
        [.. s.Resources.OrderBy(r => r.Part).ThenBy(r => DatasetValidator.TermOrder(r.FromTerm))
            .Select(r => new ResourceFeature(r.Part, r.FromTerm, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt,
                r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms))],
        s.Enrolment);

    public static ResidentialAreaFeature ToFeature(ResidentialAreaRow a) => new(
        a.Code, a.Name, a.Kind, a.AdminArea!.Code, a.Boundary, a.Population, a.Households, a.OccupiedFrom,
        a.OccupancyRamp, a.Students, a.SchoolPrimary?.Code, a.SchoolJunior?.Code);

    private static JsonArray Ints(IEnumerable<int> values) => new([.. values.Select(v => (JsonNode)v)]);

}
