using System.Text.Json;
using System.Text;
using Planning.DataGen.Model;
using Planning.Engine.Rules;

namespace Planning.DataGen.Output;

/// <summary>Writes the four layers of docs/dataset-format.md and the README into a folder.</summary>
public static class DatasetWriter
{
    public const string DistrictFile = "district.geojson";
    public const string AdminAreasFile = "admin_areas.geojson";
    public const string SchoolsFile = "schools.geojson";
    public const string ResidentialAreasFile = "residential_areas.geojson";
    public const string ReadmeFile = "README.md";

    public static readonly IReadOnlyList<string> Files = [DistrictFile, AdminAreasFile, SchoolsFile, ResidentialAreasFile, ReadmeFile];

    public static void Write(Dataset dataset, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (file, bytes) in Render(dataset))
        {
            File.WriteAllBytes(Path.Combine(directory, file), bytes);
        }
    }

    public static IEnumerable<(string File, byte[] Bytes)> Render(Dataset dataset)
    {
        yield return (DistrictFile, GeoJsonLayerWriter.Write([dataset], d => d.DistrictOutline, WriteDistrict));
        yield return (AdminAreasFile, GeoJsonLayerWriter.Write(dataset.AdminAreas, a => a.Geometry, WriteAdminArea));
        yield return (SchoolsFile, GeoJsonLayerWriter.Write(dataset.Schools, s => Geo.GeoOps.Factory.CreatePoint(s.Location), WriteSchool));
        yield return (ResidentialAreasFile, GeoJsonLayerWriter.Write(dataset.ResidentialAreas, r => r.Geometry, WriteResidentialArea));
        yield return (ReadmeFile, Encoding.UTF8.GetBytes(ReadmeWriter.Render(dataset)));
    }

    private static void WriteDistrict(Utf8JsonWriter w, Dataset d)
    {
        w.WriteString("code", d.DistrictCode);
        w.WriteString("name", d.DistrictName);
        w.WriteNumber("population", d.DistrictPopulation);
        w.WriteBoolean("synthetic", Provenance.Synthetic);
        w.WriteStartArray("credits");
        foreach (var credit in Provenance.Credits)
        {
            w.WriteStringValue(credit);
        }
        w.WriteEndArray();
    }

    private static void WriteAdminArea(Utf8JsonWriter w, AdminArea a)
    {
        w.WriteString("code", a.Code);
        w.WriteString("name", a.Name);
        w.WriteString("kind", a.Kind == AdminKind.Street ? "street" : "town");
        w.WriteNumber("population", a.Population);
        w.WriteBoolean("approximate", true);
    }

    private static void WriteSchool(Utf8JsonWriter w, School s)
    {
        w.WriteString("code", s.Code);
        w.WriteString("name", s.Name);
        w.WriteString("level", s.Level switch
        {
            SchoolLevel.Primary => "primary",
            SchoolLevel.Junior => "junior",
            _ => "nine_year",
        });
        w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
        w.WriteString("admin_area", s.AdminArea.Code);
        w.WriteStartArray("tracks");
        foreach (var t in s.Tracks)
        {
            w.WriteStartObject();
            w.WriteString("from", t.From.ToString());
            w.WriteNumber("primary", t.Primary);
            w.WriteNumber("junior", t.Junior);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("resources");
        foreach (var r in s.Resources)
        {
            w.WriteStartObject();
            w.WriteString("part", r.Part == SchoolPart.Primary ? "primary" : "junior");
            w.WriteString("from", r.From.ToString());
            w.WriteNumber("teachers_degree", r.TeachersDegree);
            w.WriteNumber("teachers_backbone", r.TeachersBackbone);
            w.WriteNumber("teachers_pe_art", r.TeachersPeArt);
            w.WriteNumber("floor_area_m2", r.FloorAreaM2);
            w.WriteNumber("sports_area_m2", r.SportsAreaM2);
            w.WriteNumber("equipment_value_yuan", r.EquipmentValueYuan);
            w.WriteNumber("multimedia_rooms", r.MultimediaRooms);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteIntArray(w, "enrolment", s.Enrolment);
    }

    private static void WriteResidentialArea(Utf8JsonWriter w, ResidentialArea r)
    {
        w.WriteString("code", r.Code);
        w.WriteString("name", r.Name);
        w.WriteString("kind", r.Kind == ResidentialKind.Compound ? "compound" : "village");
        w.WriteString("admin_area", r.AdminArea.Code);
        w.WriteNumber("population", r.Population);
        w.WriteNumber("households", r.Households);
        if (r.OccupiedFrom is { } from)
        {
            w.WriteString("occupied_from", from.ToString());
        }
        else
        {
            w.WriteNull("occupied_from");
        }

        if (r.OccupancyRamp is { } ramp)
        {
            w.WriteStartArray("occupancy_ramp");
            foreach (var share in ramp)
            {
                w.WriteRawValue(FixedDecimal.Format(share, 2));
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("occupancy_ramp");
        }

        if (r.Students is { } students)
        {
            WriteIntArray(w, "students", students);
        }
        else
        {
            w.WriteNull("students");
        }

        WriteCodeOrNull(w, "school_primary", r.PrimarySchool);
        WriteCodeOrNull(w, "school_junior", r.JuniorSchool);
    }

    private static void WriteIntArray(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteCodeOrNull(Utf8JsonWriter w, string name, School? school)
    {
        if (school is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, school.Code);
        }
    }
}
