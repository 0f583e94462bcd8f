using NetTopologySuite.Geometries;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using V1 = Planning.V1;

namespace Planning.Server.Areas;

/// <summary>Between the contract's ResidentialArea message and the stored rows and exchange features.</summary>
public static class AreaMapping
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static V1.ResidentialArea ToProto(ResidentialAreaRow a, bool includeGeometry)
    {
        var area = new V1.ResidentialArea
        {
            Id = a.Id,
            Code = a.Code,
            Name = a.Name,
            Kind = Vocabulary.ToProto(a.Kind),
            AdminAreaCode = a.AdminArea!.Code,
            GeometryGeojson = includeGeometry ? GeoJsonFile.Write(GeoJsonFile.Simplest(a.Boundary)) : "",
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

    /// <summary>An area of the exchange format (one a scenario adds), with its geometry, without id and version.</summary>
    public static V1.ResidentialArea ToProto(ResidentialAreaFeature a)
    {
        var point = a.Geometry.InteriorPoint;
        var area = new V1.ResidentialArea
        {
            Code = a.Code,
            Name = a.Name,
            Kind = Vocabulary.ToProto(a.Kind),
            AdminAreaCode = a.AdminArea,
            GeometryGeojson = GeoJsonFile.Write(GeoJsonFile.Simplest(a.Geometry)),
            Population = a.Population,
            Households = a.Households,
            OccupiedFrom = a.OccupiedFrom ?? "",
            SchoolPrimaryCode = a.SchoolPrimary ?? "",
            SchoolJuniorCode = a.SchoolJunior ?? "",
            CentroidLon = point.X,
            CentroidLat = point.Y,
        };
        area.OccupancyRamp.AddRange(a.OccupancyRamp ?? []);
        area.Students.AddRange(a.Students ?? []);
        return area;
    }

    /// <summary>A residential area sent by a client, checked field by field under "residential_area.*".</summary>
    public static ResidentialAreaFeature? FromProto(V1.ResidentialArea a, Problems problems)
    {
        const string path = "residential_area";
        var kind = Vocabulary.FromProto(a.Kind);
        if (kind is null)
        {
            problems.Add($"{path}.kind", "is required: compound or village");
        }
        var code = FieldRules.Code(a.Code, $"{path}.code", problems);
        var name = FieldRules.Name(a.Name, $"{path}.name", problems);
        var adminArea = FieldRules.Code(a.AdminAreaCode, $"{path}.admin_area_code", problems);
        FieldRules.Count(a.Population, int.MaxValue, $"{path}.population", problems);
        FieldRules.Count(a.Households, int.MaxValue, $"{path}.households", problems);
        if (a.OccupiedFrom.Length > 0)
        {
            Checks.Term(a.OccupiedFrom, $"{path}.occupied_from", problems);
        }
        if (a.OccupancyRamp.Count > 0)
        {
            FieldRules.Ramp(a.OccupancyRamp, $"{path}.occupancy_ramp", problems);
        }
        var schoolPrimary = a.SchoolPrimaryCode.Length > 0 ? FieldRules.Code(a.SchoolPrimaryCode, $"{path}.school_primary_code", problems) : null;
        var schoolJunior = a.SchoolJuniorCode.Length > 0 ? FieldRules.Code(a.SchoolJuniorCode, $"{path}.school_junior_code", problems) : null;
        if (FieldRules.GradeCount(a.Students.Count, optional: true, $"{path}.students", problems))
        {
            for (var i = 0; i < a.Students.Count; i++)
            {
                FieldRules.Students(a.Students[i], $"{path}.students[{i}]", problems);
            }
        }
        var geometry = GeometryFromGeoJson(a.GeometryGeojson, $"{path}.geometry_geojson", problems);
        return geometry is null
            ? null
            : new ResidentialAreaFeature(code, name, kind ?? default, adminArea, geometry,
                a.Population, a.Households, a.OccupiedFrom.Length > 0 ? a.OccupiedFrom : null,
                a.OccupancyRamp.Count > 0 ? [.. a.OccupancyRamp] : null, a.Students.Count == 9 ? [.. a.Students] : null,
                schoolPrimary, schoolJunior);
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
}
