using NetTopologySuite.Geometries;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Errors;
using V1 = Planning.V1;

namespace Planning.Server.Services;

/// <summary>Between the planning.v1 messages and the exchange model of the dataset.</summary>
public static class ProtoMapping
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static V1.SchoolLevel ToProto(SchoolLevel level) => level switch
    {
        SchoolLevel.Primary => V1.SchoolLevel.Primary,
        SchoolLevel.Junior => V1.SchoolLevel.Junior,
        _ => V1.SchoolLevel.NineYear,
    };

    public static SchoolLevel? FromProto(V1.SchoolLevel level) => level switch
    {
        V1.SchoolLevel.Primary => SchoolLevel.Primary,
        V1.SchoolLevel.Junior => SchoolLevel.Junior,
        V1.SchoolLevel.NineYear => SchoolLevel.NineYear,
        _ => null,
    };

    public static V1.SchoolKind ToProto(SchoolKind kind) => kind switch
    {
        SchoolKind.Existing => V1.SchoolKind.Existing,
        SchoolKind.New => V1.SchoolKind.New,
        _ => V1.SchoolKind.Expanded,
    };

    public static SchoolKind? FromProto(V1.SchoolKind kind) => kind switch
    {
        V1.SchoolKind.Existing => SchoolKind.Existing,
        V1.SchoolKind.New => SchoolKind.New,
        V1.SchoolKind.Expanded => SchoolKind.Expanded,
        _ => null,
    };

    public static V1.SchoolPart ToProto(SchoolPart part) =>
        part == SchoolPart.Primary ? V1.SchoolPart.Primary : V1.SchoolPart.Junior;

    public static SchoolPart? FromProto(V1.SchoolPart part) => part switch
    {
        V1.SchoolPart.Primary => SchoolPart.Primary,
        V1.SchoolPart.Junior => SchoolPart.Junior,
        _ => null,
    };

    public static V1.AdminAreaKind ToProto(AdminAreaKind kind) =>
        kind == AdminAreaKind.Street ? V1.AdminAreaKind.Street : V1.AdminAreaKind.Town;

    public static V1.ResidentialAreaKind ToProto(ResidentialAreaKind kind) =>
        kind == ResidentialAreaKind.Compound ? V1.ResidentialAreaKind.Compound : V1.ResidentialAreaKind.Village;

    public static ResidentialAreaKind? FromProto(V1.ResidentialAreaKind kind) => kind switch
    {
        V1.ResidentialAreaKind.Compound => ResidentialAreaKind.Compound,
        V1.ResidentialAreaKind.Village => ResidentialAreaKind.Village,
        _ => null,
    };

    public static V1.School ToProto(School s)
    {
        var feature = FeatureProperties.ToFeature(s);
        var school = new V1.School
        {
            Id = s.Id,
            Code = s.Code,
            Name = s.Name,
            Level = ToProto(s.Level),
            Kind = ToProto(s.Kind),
            AdminAreaCode = feature.AdminArea,
            Lon = s.Location.X,
            Lat = s.Location.Y,
            Version = s.Version,
        };
        school.Capacity.AddRange(feature.Tracks.Select(t =>
            new V1.CapacityStep { FromTerm = t.From, PrimaryTracks = t.Primary, JuniorTracks = t.Junior }));
        school.Resources.AddRange(feature.Resources.Select(ToProto));
        school.Enrolment.AddRange(s.Enrolment);
        return school;
    }

    public static V1.Resources ToProto(ResourceFeature r) => new()
    {
        Part = ToProto(r.Part),
        FromTerm = r.From,
        TeachersDegree = r.TeachersDegree,
        TeachersBackbone = r.TeachersBackbone,
        TeachersPeArt = r.TeachersPeArt,
        FloorAreaM2 = r.FloorAreaM2,
        SportsAreaM2 = r.SportsAreaM2,
        EquipmentValueYuan = r.EquipmentValueYuan,
        MultimediaRooms = r.MultimediaRooms,
    };

    public static V1.ResidentialArea ToProto(ResidentialArea a, bool includeGeometry)
    {
        var area = new V1.ResidentialArea
        {
            Id = a.Id,
            Code = a.Code,
            Name = a.Name,
            Kind = ToProto(a.Kind),
            AdminAreaCode = a.AdminArea!.Code,
            GeometryGeojson = includeGeometry ? GeoJsonFile.Write(FeatureProperties.Simplest(a.Boundary)) : "",
            Population = a.Population,
            Households = a.Households,
            OccupiedFrom = a.OccupiedFrom ?? "",
            SchoolPrimaryCode = a.SchoolPrimary?.Code ?? "",
            SchoolJuniorCode = a.SchoolJunior?.Code ?? "",
            Version = a.Version,
            CentroidLon = a.Centroid.X,
            CentroidLat = a.Centroid.Y,
        };
        area.OccupancyRamp.AddRange(a.OccupancyRamp ?? []);
        area.Students.AddRange(a.Students ?? []);
        return area;
    }

    /// <summary>A school sent by a client, checked field by field under "school.*".</summary>
    public static SchoolFeature FromProto(V1.School s, Problems problems)
    {
        const string path = "school";
        var level = FromProto(s.Level);
        if (level is null)
        {
            problems.Add($"{path}.level", "is required: primary, junior or nine_year");
        }
        var kind = FromProto(s.Kind);
        if (kind is null)
        {
            problems.Add($"{path}.kind", "is required: existing, new or expanded");
        }
        Text(s.Code, $"{path}.code", PropertyReader.MaxCodeLength, problems);
        Text(s.Name, $"{path}.name", PropertyReader.MaxTextLength, problems);
        Text(s.AdminAreaCode, $"{path}.admin_area_code", PropertyReader.MaxCodeLength, problems);
        if (s.Capacity.Count == 0)
        {
            problems.Add($"{path}.capacity", "must have at least one step");
        }
        var tracks = s.Capacity.Select((c, i) =>
        {
            Term(c.FromTerm, $"{path}.capacity[{i}].from_term", problems);
            Range(c.PrimaryTracks, 0, 40, $"{path}.capacity[{i}].primary_tracks", problems);
            Range(c.JuniorTracks, 0, 40, $"{path}.capacity[{i}].junior_tracks", problems);
            return new CapacityFeature(c.FromTerm, c.PrimaryTracks, c.JuniorTracks);
        }).ToList();
        var resources = s.Resources.Select((r, i) => FromProto(r, $"{path}.resources[{i}]", problems)).ToList();
        if (s.Enrolment.Count != 9)
        {
            problems.Add($"{path}.enrolment", $"must have 9 values (grades 1–9), not {s.Enrolment.Count}");
        }
        for (var i = 0; i < s.Enrolment.Count; i++)
        {
            Range(s.Enrolment[i], 0, 10_000, $"{path}.enrolment[{i}]", problems);
        }
        var location = Factory.CreatePoint(new Coordinate(s.Lon, s.Lat));
        return new SchoolFeature(s.Code.Trim(), s.Name.Trim(), level ?? default, kind ?? default, s.AdminAreaCode.Trim(),
            location, tracks, resources, s.Enrolment.Count == 9 ? [.. s.Enrolment] : new int[9]);
    }

    /// <summary>Resources sent by a client (a school's, or a scenario's additions), checked under <paramref name="path"/>.</summary>
    public static ResourceFeature FromProto(V1.Resources r, string path, Problems problems)
    {
        var part = FromProto(r.Part);
        if (part is null)
        {
            problems.Add($"{path}.part", "is required: primary or junior");
        }
        Term(r.FromTerm, $"{path}.from_term", problems);
        (string Name, double Value)[] amounts =
        [
            ("teachers_degree", r.TeachersDegree), ("teachers_backbone", r.TeachersBackbone),
            ("teachers_pe_art", r.TeachersPeArt), ("floor_area_m2", r.FloorAreaM2), ("sports_area_m2", r.SportsAreaM2),
            ("equipment_value_yuan", r.EquipmentValueYuan), ("multimedia_rooms", r.MultimediaRooms),
        ];
        foreach (var (name, value) in amounts)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                problems.Add($"{path}.{name}", $"must be a finite number ≥ 0, not {value}");
            }
        }
        return new ResourceFeature(part ?? default, r.FromTerm, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt,
            r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms);
    }

    /// <summary>A residential area sent by a client, checked field by field under "residential_area.*".</summary>
    public static ResidentialAreaFeature? FromProto(V1.ResidentialArea a, Problems problems)
    {
        const string path = "residential_area";
        var kind = FromProto(a.Kind);
        if (kind is null)
        {
            problems.Add($"{path}.kind", "is required: compound or village");
        }
        Text(a.Code, $"{path}.code", PropertyReader.MaxCodeLength, problems);
        Text(a.Name, $"{path}.name", PropertyReader.MaxTextLength, problems);
        Text(a.AdminAreaCode, $"{path}.admin_area_code", PropertyReader.MaxCodeLength, problems);
        Range(a.Population, 0, int.MaxValue, $"{path}.population", problems);
        Range(a.Households, 0, int.MaxValue, $"{path}.households", problems);
        if (a.OccupiedFrom.Length > 0)
        {
            Term(a.OccupiedFrom, $"{path}.occupied_from", problems);
        }
        for (var i = 0; i < a.OccupancyRamp.Count; i++)
        {
            if (!double.IsFinite(a.OccupancyRamp[i]) || a.OccupancyRamp[i] is < 0 or > 1)
            {
                problems.Add($"{path}.occupancy_ramp[{i}]", "must be a fraction in [0, 1]");
            }
        }
        foreach (var (name, code) in new[] { ("school_primary_code", a.SchoolPrimaryCode), ("school_junior_code", a.SchoolJuniorCode) })
        {
            if (code.Length > 0)
            {
                Text(code, $"{path}.{name}", PropertyReader.MaxCodeLength, problems);
            }
        }
        if (a.Students.Count is not (0 or 9))
        {
            problems.Add($"{path}.students", $"must have 9 values (grades 1–9) or none, not {a.Students.Count}");
        }
        for (var i = 0; i < a.Students.Count; i++)
        {
            Range(a.Students[i], 0, 100_000, $"{path}.students[{i}]", problems);
        }
        var geometry = GeometryFromGeoJson(a.GeometryGeojson, $"{path}.geometry_geojson", problems);
        return geometry is null
            ? null
            : new ResidentialAreaFeature(a.Code.Trim(), a.Name.Trim(), kind ?? default, a.AdminAreaCode.Trim(), geometry,
                a.Population, a.Households, a.OccupiedFrom.Length > 0 ? a.OccupiedFrom : null,
                a.OccupancyRamp.Count > 0 ? [.. a.OccupancyRamp] : null, a.Students.Count == 9 ? [.. a.Students] : null,
                a.SchoolPrimaryCode.Length > 0 ? a.SchoolPrimaryCode : null,
                a.SchoolJuniorCode.Length > 0 ? a.SchoolJuniorCode : null);
    }

    private static MultiPolygon? GeometryFromGeoJson(string geoJson, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            problems.Add(field, "is required: a GeoJSON Polygon or MultiPolygon");
            return null;
        }
        var geometry = GeoJsonLayerReader.ParseGeometry(geoJson, field, problems);
        if (geometry is null)
        {
            return null;
        }
        return geometry switch
        {
            MultiPolygon mp => mp,
            Polygon p => Factory.CreateMultiPolygon([p]),
            _ => Fail(),
        };

        MultiPolygon? Fail()
        {
            problems.Add(field, $"must be a Polygon or MultiPolygon, not a {geometry.GeometryType}");
            return null;
        }
    }

    private static void Text(string value, string field, int max, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field, "is required");
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add(field, "must not contain control characters");
        }
        else if (value.Length > max)
        {
            problems.Add(field, $"must be at most {max} characters, not {value.Length}");
        }
    }

    private static void Term(string value, string field, Problems problems)
    {
        if (!PropertyReader.IsTerm(value))
        {
            problems.Add(field, $"must be a term like \"2020-autumn\" or \"2021-spring\", not \"{value}\"");
        }
    }

    private static void Range(long value, long min, long max, string field, Problems problems)
    {
        if (value < min)
        {
            problems.Add(field, $"must not be negative ({value})");
        }
        else if (value > max)
        {
            problems.Add(field, $"must be at most {max} ({value})");
        }
    }
}
