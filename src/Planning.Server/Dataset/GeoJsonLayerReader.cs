using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Planning.Engine.Rules;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>Parses the four layers of docs/dataset-format.md, collecting every problem found.</summary>
public static class GeoJsonLayerReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory(Factory) },
    };

    /// <summary>
    /// Reads an upload. More than <paramref name="maxFeatures"/> features over all layers (well formed or not:
    /// each costs the same to read and to report) or more than <see cref="FieldRules.MaxUploadVertices"/>
    /// vertices is <see cref="LimitExceededException"/>, before a feature is read.
    /// </summary>
    public static DatasetFeatures Read(IReadOnlyDictionary<string, byte[]> layers, Problems problems, int maxFeatures = int.MaxValue)
    {
        var budget = new UploadBudget(maxFeatures);
        return new(
            ReadLayer(layers, LayerNames.District, problems, budget, ReadDistrict),
            ReadLayer(layers, LayerNames.AdminAreas, problems, budget, ReadAdminArea),
            ReadLayer(layers, LayerNames.Schools, problems, budget, ReadSchool),
            ReadLayer(layers, LayerNames.ResidentialAreas, problems, budget, ReadResidentialArea));
    }

    /// <summary>What an upload may still hold, counted layer by layer.</summary>
    private sealed class UploadBudget(int maxFeatures)
    {
        private int _features;
        private long _vertices;

        public void Features(int count)
        {
            _features += count;
            if (_features > maxFeatures)
            {
                throw new LimitExceededException($"the upload has more than {maxFeatures:N0} features; the limit is {maxFeatures:N0} (Limits:MaxImportFeatures)");
            }
        }

        public void Vertices(Geometry? geometry)
        {
            _vertices += geometry?.NumPoints ?? 0;
            if (_vertices > FieldRules.MaxUploadVertices)
            {
                throw new LimitExceededException(
                    $"the upload has more than {FieldRules.MaxUploadVertices:N0} vertices in all, the most one upload may hold; split it or simplify the geometries");
            }
        }
    }

    /// <summary>One feature of <paramref name="layer"/> (e.g. a school a scenario opens), read as an upload's would be.</summary>
    public static DatasetFeatures ReadFeature(string layer, JsonObject feature, Problems problems) =>
        Read(new Dictionary<string, byte[]>
        {
            [layer] = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(feature.DeepClone()) }),
        }, problems);

    /// <summary>One entry of a school's "resources", read as an upload's would be.</summary>
    public static ResourceFeature ReadResourceEntry(JsonObject entry, string path, Problems problems)
    {
        using var document = JsonDocument.Parse(entry.ToJsonString());
        return ReadResources(new PropertyReader(document.RootElement, path, problems), document.RootElement, path);
    }

    private delegate T? FeatureReader<T>(PropertyReader p, Geometry? geometry);

    private static List<T> ReadLayer<T>(
        IReadOnlyDictionary<string, byte[]> layers, string layer, Problems problems, UploadBudget budget, FeatureReader<T> read)
        where T : class
    {
        var result = new List<T>();
        if (!layers.TryGetValue(layer, out var bytes))
        {
            return result;
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            problems.Add(layer, "is not valid UTF-8 text");
            return result;
        }
        // A UTF-8 byte-order mark (our own CSV exports and many Windows editors write one) is not JSON: skip it.
        var json = bytes.AsMemory();
        if (json.Span.StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            json = json[System.Text.Encoding.UTF8.Preamble.Length..];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            problems.Add(layer, $"is not valid JSON: {e.Message}");
            return result;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || PropertyReader.StringOf(type) != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add(layer, "must be a GeoJSON FeatureCollection with a \"features\" array");
                return result;
            }
            budget.Features(features.GetArrayLength());
            CheckCrs(root, layer, problems);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var path = $"{layer}[{index++}]";
                if (feature.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(path, "must be a GeoJSON Feature object");
                    continue;
                }
                var properties = feature.TryGetProperty("properties", out var p) ? p : default;
                if (properties.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}.properties", "must be an object");
                    continue;
                }
                var geometry = ReadGeometry(feature, path, problems);
                budget.Vertices(geometry);
                if (read(new PropertyReader(properties, path, problems), geometry) is { } item)
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// RFC 7946 drops "crs"; an old-style member (on a collection, a feature or a geometry, wherever a
    /// geometry comes from) naming anything but WGS84 is an error, not silently ignored.
    /// </summary>
    private static void CheckCrs(JsonElement owner, string field, Problems problems)
    {
        if (!owner.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var name = crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("properties", out var props)
            && props.ValueKind == JsonValueKind.Object && props.TryGetProperty("name", out var n)
            && n.ValueKind == JsonValueKind.String ? PropertyReader.StringOf(n) ?? "" : crs.GetRawText();
        string[] wgs84 = ["urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326"];
        if (!wgs84.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{field}.crs", $"must be WGS84 longitude/latitude (RFC 7946); \"{ErrorStatus.Clip(name, 60)}\" is not accepted, reproject first");
        }
    }

    private static Geometry? ReadGeometry(JsonElement feature, string path, Problems problems)
    {
        if (!feature.TryGetProperty("geometry", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}.geometry", "is required");
            return null;
        }
        CheckCrs(feature, path, problems);
        return ParseGeometry(element, $"{path}.geometry", problems);
    }

    /// <summary>Parses a GeoJSON geometry object sent on its own (e.g. in a gRPC field).</summary>
    public static Geometry? ParseGeometry(string geoJson, string field, Problems problems)
    {
        try
        {
            using var document = JsonDocument.Parse(geoJson, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return ParseGeometry(document.RootElement, field, problems);
            }
        }
        catch (JsonException)
        {
        }
        problems.Add(field, "must be a GeoJSON geometry object");
        return null;
    }

    /// <summary>A GeoJSON geometry object, held to the geometry rules of every write path (FieldRules.Geometry, "crs").</summary>
    private static Geometry? ParseGeometry(JsonElement element, string field, Problems problems)
    {
        CheckCrs(element, field, problems);
        try
        {
            var geometry = element.Deserialize<Geometry>(GeometryOptions);
            if (geometry is null || geometry.IsEmpty)
            {
                problems.Add(field, "must not be empty");
                return null;
            }
            if (!FieldRules.Geometry(geometry, field, problems))
            {
                return null;
            }
            geometry.SRID = 4326;
            return geometry;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException
                                      or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            problems.Add(field, $"is not a valid GeoJSON geometry: {e.Message}");
            return null;
        }
    }

    private static MultiPolygon? Area(PropertyReader p, Geometry? geometry)
    {
        switch (geometry)
        {
            case MultiPolygon mp:
                return mp;
            case Polygon polygon:
                return Factory.CreateMultiPolygon([polygon]);
            case null:
                return null;
            default:
                p.Problem("geometry", $"must be a Polygon or MultiPolygon, not a {geometry.GeometryType}");
                return null;
        }
    }

    /// <summary>Most credit lines a dataset may name, and the longest line.</summary>
    public const int MaxCredits = 20;
    public const int MaxCreditLength = 300;

    private static DistrictFeature? ReadDistrict(PropertyReader p, Geometry? geometry)
    {
        var code = p.Code();
        var name = p.Text("name");
        var population = p.Count("population");
        var synthetic = p.OptionalFlag("synthetic");
        var credits = p.Texts("credits", MaxCredits, MaxCreditLength);
        return Area(p, geometry) is { } area ? new DistrictFeature(code, name, population, area, synthetic, credits) : null;
    }

    private static AdminAreaFeature? ReadAdminArea(PropertyReader p, Geometry? geometry)
    {
        var code = p.Code();
        var name = p.Text("name");
        var kind = p.Enum("kind", EnumNames.AdminAreaKinds);
        var population = p.Count("population");
        var approximate = p.Flag("approximate");
        return Area(p, geometry) is { } area
            ? new AdminAreaFeature(code, name, kind, population, approximate, area)
            : null;
    }

    private static SchoolFeature? ReadSchool(PropertyReader p, Geometry? geometry)
    {
        var code = p.Code();
        var name = p.Text("name");
        var level = p.Enum("level", EnumNames.Levels);
        var kind = p.Enum("kind", EnumNames.Kinds);
        var adminArea = p.Code("admin_area");
        var tracks = p.Objects("tracks", 1)
            .Select(t => new CapacityFeature(
                p.Term(t.Item, "from", t.Path), p.Tracks(t.Item, "primary", t.Path), p.Tracks(t.Item, "junior", t.Path)))
            .ToList();
        var resources = p.Objects("resources", 0)
            .Select(r => ReadResources(p, r.Item, r.Path))
            .ToList();
        var enrolment = p.Grades("enrolment", required: true, FieldRules.Enrolment)!;
        if (geometry is not null and not Point)
        {
            p.Problem("geometry", $"must be a Point, not a {geometry.GeometryType}");
        }
        return geometry is Point location
            ? new SchoolFeature(code, name, level, kind, adminArea, location, tracks, resources, enrolment)
            : null;
    }

    private static ResourceFeature ReadResources(PropertyReader p, JsonElement r, string path)
    {
        return new ResourceFeature(
            p.EnumAt(r, "part", path, EnumNames.ResourceParts), p.Term(r, "from", path),
            p.Amount(r, Indicator.DegreeTeachers, path), p.Amount(r, Indicator.BackboneTeachers, path),
            p.Amount(r, Indicator.PeArtTeachers, path), p.Amount(r, Indicator.FloorArea, path),
            p.Amount(r, Indicator.SportsArea, path), p.Amount(r, Indicator.EquipmentValue, path),
            p.Amount(r, Indicator.MultimediaRooms, path));
    }

    private static ResidentialAreaFeature? ReadResidentialArea(PropertyReader p, Geometry? geometry)
    {
        var code = p.Code();
        var name = p.Text("name");
        var kind = p.Enum("kind", EnumNames.AreaKinds);
        var adminArea = p.Code("admin_area");
        var population = p.SmallCount("population");
        var households = p.SmallCount("households");
        var occupiedFrom = p.OptionalTerm("occupied_from");
        var ramp = p.Fractions("occupancy_ramp");
        var students = p.Grades("students", required: false, FieldRules.Students);
        var schoolPrimary = p.OptionalCode("school_primary");
        var schoolJunior = p.OptionalCode("school_junior");
        return Area(p, geometry) is { } area
            ? new ResidentialAreaFeature(code, name, kind, adminArea, area, population, households,
                occupiedFrom, ramp, students, schoolPrimary, schoolJunior)
            : null;
    }
}
