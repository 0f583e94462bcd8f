using NetTopologySuite.Geometries;
using Planning.Engine.Rules;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using V1 = Planning.V1;

namespace Planning.Server.Schools;

/// <summary>Between the contract's School and Resources messages and the stored rows and exchange features.</summary>
public static class SchoolMapping
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static V1.School ToProto(SchoolRow s)
    {
        var school = ToProto(FeatureProperties.ToFeature(s));
        school.Id = s.Id;
        school.Version = s.Version;
        return school;
    }

    /// <summary>A school of the exchange format (an import's, or one a scenario opens), without id and version.</summary>
    public static V1.School ToProto(SchoolFeature feature)
    {
        var school = new V1.School
        {
            Code = feature.Code,
            Name = feature.Name,
            Level = Vocabulary.ToProto(feature.Level),
            Kind = Vocabulary.ToProto(feature.Kind),
            AdminAreaCode = feature.AdminArea,
            Lon = feature.Location.X,
            Lat = feature.Location.Y,
        };
        school.Capacity.AddRange(feature.Tracks.Select(t =>
            new V1.CapacityStep { FromTerm = t.From, PrimaryTracks = t.Primary, JuniorTracks = t.Junior }));
        school.Resources.AddRange(feature.Resources.Select(ToProto));
        school.Enrolment.AddRange(feature.Enrolment);
        return school;
    }

    public static V1.Resources ToProto(ResourceFeature r) => new()
    {
        Part = Vocabulary.ToProto(r.Part),
        FromTerm = r.From,
        TeachersDegree = r.TeachersDegree,
        TeachersBackbone = r.TeachersBackbone,
        TeachersPeArt = r.TeachersPeArt,
        FloorAreaM2 = r.FloorAreaM2,
        SportsAreaM2 = r.SportsAreaM2,
        EquipmentValueYuan = r.EquipmentValueYuan,
        MultimediaRooms = r.MultimediaRooms,
    };

    /// <summary>A school sent by a client, checked field by field under "school.*".</summary>
    public static SchoolFeature FromProto(V1.School s, Problems problems)
    {
        const string path = "school";
        var level = Vocabulary.FromProto(s.Level);
        if (level is null)
        {
            problems.Add($"{path}.level", "is required: primary, junior or nine_year");
        }
        var kind = Vocabulary.FromProto(s.Kind);
        if (kind is null)
        {
            problems.Add($"{path}.kind", "is required: existing, new or expanded");
        }
        var code = FieldRules.Code(s.Code, $"{path}.code", problems);
        var name = FieldRules.Name(s.Name, $"{path}.name", problems);
        var adminArea = FieldRules.Code(s.AdminAreaCode, $"{path}.admin_area_code", problems);
        if (s.Capacity.Count == 0)
        {
            problems.Add($"{path}.capacity", "must have at least one step");
        }
        var tracks = s.Capacity.Select((c, i) =>
        {
            Checks.Term(c.FromTerm, $"{path}.capacity[{i}].from_term", problems);
            FieldRules.Tracks(c.PrimaryTracks, $"{path}.capacity[{i}].primary_tracks", problems);
            FieldRules.Tracks(c.JuniorTracks, $"{path}.capacity[{i}].junior_tracks", problems);
            return new CapacityFeature(c.FromTerm, c.PrimaryTracks, c.JuniorTracks);
        }).ToList();
        var resources = s.Resources.Select((r, i) => FromProto(r, $"{path}.resources[{i}]", problems)).ToList();
        if (FieldRules.GradeCount(s.Enrolment.Count, optional: false, $"{path}.enrolment", problems))
        {
            for (var i = 0; i < s.Enrolment.Count; i++)
            {
                FieldRules.Enrolment(s.Enrolment[i], $"{path}.enrolment[{i}]", problems);
            }
        }
        var location = Factory.CreatePoint(new Coordinate(s.Lon, s.Lat));
        return new SchoolFeature(code, name, level ?? default, kind ?? default, adminArea,
            location, tracks, resources, s.Enrolment.Count == 9 ? [.. s.Enrolment] : new int[9]);
    }

    /// <summary>Resources sent by a client (a school's, or a scenario's additions), checked under <paramref name="path"/>.</summary>
    public static ResourceFeature FromProto(V1.Resources r, string path, Problems problems)
    {
        var part = Vocabulary.ResourcePartFromProto(r.Part);
        if (part is null)
        {
            problems.Add($"{path}.part", "is required: primary, junior or shared (nine-year schools)");
        }
        Checks.Term(r.FromTerm, $"{path}.from_term", problems);
        foreach (var indicator in Indicators.All)
        {
            if (ResourceLimits.Problem(indicator, r.Amount(Vocabulary.ToProto(indicator))) is { } problem)
            {
                problems.Add($"{path}.{ResourceLimits.FieldName(indicator)}", problem);
            }
        }
        return new ResourceFeature(part ?? default, r.FromTerm, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt,
            r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms);
    }
}
