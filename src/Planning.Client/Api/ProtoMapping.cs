using V1 = Planning.V1;

namespace Planning.Client.Api;

/// <summary>Conversions between planning.v1 messages and the client's records (enums share their numbers).</summary>
internal static partial class ProtoMapping
{
    public static District ToRecord(V1.District d) =>
        new(d.Code, d.Name, d.Population, d.AreaKm2, d.GeometryGeojson, d.Synthetic, [.. d.Credits]);

    public static AdminArea ToRecord(V1.AdminArea a) =>
        new(a.Id, a.Code, a.Name, a.Kind, a.Population, a.Approximate, a.GeometryGeojson);

    public static CapacityStep ToRecord(V1.CapacityStep s) => new(s.FromTerm, s.PrimaryTracks, s.JuniorTracks);

    public static V1.CapacityStep ToProto(CapacityStep s) =>
        new() { FromTerm = s.FromTerm, PrimaryTracks = s.PrimaryTracks, JuniorTracks = s.JuniorTracks };

    public static SchoolResources ToRecord(V1.Resources r) => new(
        r.Part, r.FromTerm, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt,
        r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms);

    public static V1.Resources ToProto(SchoolResources r) => new()
    {
        Part = r.Part,
        FromTerm = r.FromTerm,
        TeachersDegree = r.TeachersDegree,
        TeachersBackbone = r.TeachersBackbone,
        TeachersPeArt = r.TeachersPeArt,
        FloorAreaM2 = r.FloorAreaM2,
        SportsAreaM2 = r.SportsAreaM2,
        EquipmentValueYuan = r.EquipmentValueYuan,
        MultimediaRooms = r.MultimediaRooms,
    };

    public static School ToRecord(V1.School s) => new(
        s.Id, s.Code, s.Name, s.Level, s.Kind, s.AdminAreaCode, s.Lon, s.Lat,
        [.. s.Capacity.Select(ToRecord)], [.. s.Resources.Select(ToRecord)], [.. s.Enrolment], s.Version);

    public static V1.School ToProto(School s)
    {
        var proto = new V1.School
        {
            Id = s.Id,
            Code = s.Code,
            Name = s.Name,
            Level = s.Level,
            Kind = s.Kind,
            AdminAreaCode = s.AdminAreaCode,
            Lon = s.Lon,
            Lat = s.Lat,
            Version = s.Version,
        };
        proto.Capacity.AddRange(s.Capacity.Select(ToProto));
        proto.Resources.AddRange(s.Resources.Select(ToProto));
        proto.Enrolment.AddRange(s.Enrolment);
        return proto;
    }

    public static ResidentialArea ToRecord(V1.ResidentialArea a) => new(
        a.Id, a.Code, a.Name, a.Kind, a.AdminAreaCode, a.GeometryGeojson, a.Population, a.Households,
        a.OccupiedFrom, [.. a.OccupancyRamp], [.. a.Students], a.SchoolPrimaryCode, a.SchoolJuniorCode, a.Version,
        a.CentroidLon, a.CentroidLat);

    public static V1.ResidentialArea ToProto(ResidentialArea a)
    {
        var proto = new V1.ResidentialArea
        {
            Id = a.Id,
            Code = a.Code,
            Name = a.Name,
            Kind = a.Kind,
            AdminAreaCode = a.AdminAreaCode,
            GeometryGeojson = a.GeometryGeoJson,
            Population = a.Population,
            Households = a.Households,
            OccupiedFrom = a.OccupiedFrom,
            SchoolPrimaryCode = a.SchoolPrimaryCode,
            SchoolJuniorCode = a.SchoolJuniorCode,
            Version = a.Version,
        };
        proto.OccupancyRamp.AddRange(a.OccupancyRamp);
        proto.Students.AddRange(a.Students);
        return proto;
    }

    public static V1.BoundingBox? ToProto(BoundingBox? b) => b is null ? null
        : new V1.BoundingBox { MinLon = b.MinLon, MinLat = b.MinLat, MaxLon = b.MaxLon, MaxLat = b.MaxLat };

    public static V1.PageRequest ToProto(PageRequest? p) => new() { PageSize = p?.Size ?? 0, PageToken = p?.Token ?? "" };

    public static Page<T> ToPage<T>(IEnumerable<T> items, V1.PageResponse? page) =>
        new([.. items], page?.NextPageToken ?? "", page?.TotalCount ?? 0);

    public static DateTimeOffset? ToRecord(Google.Protobuf.WellKnownTypes.Timestamp? t) => t?.ToDateTimeOffset();
}
