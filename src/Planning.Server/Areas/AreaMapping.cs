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
        Checks.Text(a.Code, $"{path}.code", Checks.MaxCodeLength, problems);
        Checks.Text(a.Name, $"{path}.name", Checks.MaxTextLength, problems);
        Checks.Text(a.AdminAreaCode, $"{path}.admin_area_code", Checks.MaxCodeLength, problems);
        Checks.Range(a.Population, 0, int.MaxValue, $"{path}.population", problems);
        Checks.Range(a.Households, 0, int.MaxValue, $"{path}.households", problems);
        if (a.OccupiedFrom.Length > 0)
        {
            Checks.Term(a.OccupiedFrom, $"{path}.occupied_from", problems);
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
                Checks.Text(code, $"{path}.{name}", Checks.MaxCodeLength, problems);
            }
        }
        if (a.Students.Count is not (0 or 9))
        {
            problems.Add($"{path}.students", $"must have 9 values (grades 1–9) or none, not {a.Students.Count}");
        }
        for (var i = 0; i < a.Students.Count; i++)
        {
            Checks.Range(a.Students[i], 0, 100_000, $"{path}.students[{i}]", problems);
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
}
