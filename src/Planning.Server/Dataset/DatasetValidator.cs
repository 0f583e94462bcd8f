using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>What is already stored, for checks across the upload and the database.</summary>
public sealed record StoredCodes(
    MultiPolygon? District,
    IReadOnlySet<string> AdminAreas,
    IReadOnlyDictionary<string, SchoolLevel> Schools,
    IReadOnlySet<string> ResidentialAreas)
{
    public static readonly StoredCodes None = new(null, new HashSet<string>(), new Dictionary<string, SchoolLevel>(), new HashSet<string>());

    /// <summary>What is stored now, leaving out the school or area being edited (its own code is no duplicate).</summary>
    public static async Task<StoredCodes> LoadAsync(PlanningDb db, CancellationToken ct, long exceptSchoolId = 0, long exceptAreaId = 0) => new(
        await db.Districts.Select(d => d.Boundary).FirstOrDefaultAsync(ct),
        (await db.AdminAreas.Select(a => a.Code).ToListAsync(ct)).ToHashSet(),
        await db.Schools.Where(s => s.Id != exceptSchoolId).Select(s => new { s.Code, s.Level })
            .ToDictionaryAsync(s => s.Code, s => s.Level, ct),
        (await db.ResidentialAreas.Where(a => a.Id != exceptAreaId).Select(a => a.Code).ToListAsync(ct)).ToHashSet());
}

/// <summary>Checks an upload as a whole: geometry, coordinates, codes and references.</summary>
public static class DatasetValidator
{
    /// <summary>How far outside the district outline a feature may reach (degrees, about 10 m) before it is rejected.</summary>
    private const double OutlineTolerance = 1e-4;

    public static void Validate(DatasetFeatures upload, StoredCodes stored, bool replace, Problems problems)
    {
        if (replace && upload.Districts.Count != 1)
        {
            problems.Add(LayerNames.District, $"must hold exactly one feature when replacing the dataset, not {upload.Districts.Count}");
        }
        if (!replace && upload.Districts.Count > 0)
        {
            problems.Add(LayerNames.District, "cannot be appended: the district exists; replace the dataset instead");
        }
        var district = replace ? upload.Districts.FirstOrDefault()?.Geometry : stored.District;

        for (var i = 0; i < upload.Districts.Count; i++)
        {
            CheckGeometry(upload.Districts[i].Geometry, $"{LayerNames.District}[{i}]", null, problems);
        }
        var inside = district is { IsValid: true }
            ? PreparedGeometryFactory.Prepare(district.Buffer(OutlineTolerance))
            : null;

        var adminCodes = Codes(upload.AdminAreas.Select(a => a.Code), LayerNames.AdminAreas,
            replace ? new HashSet<string>() : stored.AdminAreas, problems);
        for (var i = 0; i < upload.AdminAreas.Count; i++)
        {
            CheckGeometry(upload.AdminAreas[i].Geometry, $"{LayerNames.AdminAreas}[{i}]", inside, problems);
        }

        var storedSchools = replace ? new Dictionary<string, SchoolLevel>() : stored.Schools;
        Codes(upload.Schools.Select(s => s.Code), LayerNames.Schools, storedSchools.Keys.ToHashSet(), problems);
        var levels = new Dictionary<string, SchoolLevel>(storedSchools);
        foreach (var school in upload.Schools)
        {
            levels.TryAdd(school.Code, school.Level);
        }
        for (var i = 0; i < upload.Schools.Count; i++)
        {
            var path = $"{LayerNames.Schools}[{i}]";
            var school = upload.Schools[i];
            CheckGeometry(school.Location, path, inside, problems);
            Reference(adminCodes, school.AdminArea, $"{path}.admin_area", "admin area", problems);
            CheckSchool(school, path, problems);
        }

        Codes(upload.ResidentialAreas.Select(a => a.Code), LayerNames.ResidentialAreas,
            replace ? new HashSet<string>() : stored.ResidentialAreas, problems);
        for (var i = 0; i < upload.ResidentialAreas.Count; i++)
        {
            var path = $"{LayerNames.ResidentialAreas}[{i}]";
            var area = upload.ResidentialAreas[i];
            CheckGeometry(area.Geometry, path, inside, problems);
            Reference(adminCodes, area.AdminArea, $"{path}.admin_area", "admin area", problems);
            SchoolReference(levels, area.SchoolPrimary, SchoolPart.Primary, $"{path}.school_primary", problems);
            SchoolReference(levels, area.SchoolJunior, SchoolPart.Junior, $"{path}.school_junior", problems);
            if (area.OccupiedFrom is null && area.OccupancyRamp is not null)
            {
                problems.Add($"{path}.occupancy_ramp", "needs occupied_from");
            }
        }
        EnrolmentChecks.Check(upload, problems);
    }

    private static HashSet<string> Codes(IEnumerable<string> codes, string layer, IReadOnlySet<string> stored, Problems problems)
    {
        var seen = new Dictionary<string, int>();
        var index = 0;
        foreach (var code in codes)
        {
            if (code.Length > 0)
            {
                if (seen.TryGetValue(code, out var first))
                {
                    problems.Add($"{layer}[{index}].code", $"duplicate code \"{code}\" (also {layer}[{first}])");
                }
                else if (stored.Contains(code))
                {
                    problems.Add($"{layer}[{index}].code", $"code \"{code}\" already exists in the database");
                }
                seen.TryAdd(code, index);
            }
            index++;
        }
        return [.. seen.Keys, .. stored];
    }

    private static void Reference(IReadOnlySet<string> known, string code, string field, string what, Problems problems)
    {
        if (code.Length > 0 && !known.Contains(code))
        {
            problems.Add(field, $"unknown {what} \"{code}\"");
        }
    }

    private static void SchoolReference(
        IReadOnlyDictionary<string, SchoolLevel> levels, string? code, SchoolPart part, string field, Problems problems)
    {
        if (code is null)
        {
            return;
        }
        if (!levels.TryGetValue(code, out var level))
        {
            problems.Add(field, $"unknown school \"{code}\"");
        }
        else if (!SchoolLevels.Has(level, part))
        {
            problems.Add(field, $"school \"{code}\" is a {level} school and does not teach {(part == SchoolPart.Primary ? "grades 1–6" : "grades 7–9")}");
        }
    }

    private static void CheckSchool(SchoolFeature school, string path, Problems problems)
    {
        var teachesPrimary = SchoolLevels.Has(school.Level, SchoolPart.Primary);
        var teachesJunior = SchoolLevels.Has(school.Level, SchoolPart.Junior);
        for (var i = 0; i < school.Tracks.Count; i++)
        {
            var step = school.Tracks[i];
            var stepPath = $"{path}.tracks[{i}]";
            if (!teachesPrimary && step.Primary > 0)
            {
                problems.Add($"{stepPath}.primary", "must be 0: the school does not teach grades 1–6");
            }
            if (!teachesJunior && step.Junior > 0)
            {
                problems.Add($"{stepPath}.junior", "must be 0: the school does not teach grades 7–9");
            }
            if (i > 0 && TermOrder(step.From) <= TermOrder(school.Tracks[i - 1].From))
            {
                problems.Add($"{stepPath}.from", "must come after the previous step's term");
            }
        }
        ResourceChecks.Check(school, path, problems);
        for (var grade = 1; grade <= 9; grade++)
        {
            var taught = grade <= 6 ? teachesPrimary : teachesJunior;
            if (!taught && school.Enrolment[grade - 1] > 0)
            {
                problems.Add($"{path}.enrolment[{grade - 1}]", $"must be 0: the school does not teach grade {grade}");
            }
        }
    }

    /// <summary>A term's place in time; text that is not a term sorts first (it is reported elsewhere).</summary>
    public static Term TermOrder(string term) => Term.TryParse(term, out var t) ? t : default;

    private static void CheckGeometry(Geometry geometry, string path, IPreparedGeometry? district, Problems problems)
    {
        var field = $"{path}.geometry";
        if (!InRange(geometry))
        {
            var hint = InRange(Swapped(geometry))
                ? "; the coordinates look like latitude, longitude: GeoJSON wants longitude first"
                : "; GeoJSON wants WGS84 degrees (a projected CRS in metres is not accepted)";
            problems.Add(field, "coordinates outside WGS84 ranges (longitude −180…180, latitude −90…90)" + hint);
            return;
        }
        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            problems.Add(field, $"invalid geometry: {validity.Message} at ({validity.Coordinate?.X:0.######}, {validity.Coordinate?.Y:0.######})");
            return;
        }
        if (district is not null && !district.Covers(geometry))
        {
            problems.Add(field, district.Covers(Swapped(geometry))
                ? "lies outside the district; the coordinates look like latitude, longitude: GeoJSON wants longitude first"
                : "lies outside the district");
        }
    }

    private static bool InRange(Geometry geometry) =>
        geometry.Coordinates.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y)
                                      && c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90);

    private static Geometry Swapped(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new SwapFilter());
        return copy;
    }

    private sealed class SwapFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
