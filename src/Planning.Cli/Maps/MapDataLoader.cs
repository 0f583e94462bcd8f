using NetTopologySuite.Geometries;
using Planning.Client.Api;

namespace Planning.Cli.Maps;

/// <summary>Fetches what a map shows from the server: a run's catchments and results, or the current catchments.</summary>
public sealed class MapDataLoader(PlanningClient client)
{
    public async Task<MapData> LoadAsync(MapRequest request, CancellationToken ct = default)
    {
        var district = await client.GetDistrictAsync(includeGeometry: true, ct);
        var admin = await client.ListAdminAreasAsync(includeGeometry: true, ct: ct);
        var schools = await client.ListAllSchoolsAsync(ct: ct);
        var rules = await client.GetRulesAsync(ct);
        var districtArea = GeoJson.ReadGeometry(district.GeometryGeoJson);
        var adminAreas = admin.Select(a => new MapAdminArea(a.Name, GeoJson.ReadGeometry(a.GeometryGeoJson))).ToList();
        var view = View(request, districtArea, admin, adminAreas);
        var layer = request.RunId is { Length: > 0 } runId
            ? await RunLayerAsync(request, runId, schools, rules, ct)
            : await CurrentLayerAsync(request, schools, rules, ct);

        var partName = request.Part == SchoolPart.Junior ? "初中" : "小学";
        var students = layer.Schools.Sum(s => s.Students);
        var over = layer.Schools.Count(s => s.Status == SchoolStatus.OverLimits);
        var title = $"{district.Name}{partName}学区图  {layer.Term}";
        var subtitle = $"{layer.Source} · {(request.Part == SchoolPart.Junior ? "junior (grades 7–9)" : "primary (grades 1–6)")} · "
                       + $"{layer.Schools.Count} schools, {students:N0} students, {over} over limits";
        return new MapData(title, subtitle, districtArea, adminAreas, layer.Catchments, layer.Schools, view, layer.Report, rules.SchoolSizeLimit);
    }

    private sealed record Layer(
        string Term, string Source, IReadOnlyList<MapCatchment> Catchments, IReadOnlyList<MapSchool> Schools, IReadOnlyList<ReportTable> Report);

    /// <summary>No run: each residential area's current school for the part, base-term enrolment, tracks in force in the term.</summary>
    private async Task<Layer> CurrentLayerAsync(MapRequest request, IReadOnlyList<School> schools, Rules rules, CancellationToken ct)
    {
        var term = request.Term ?? rules.Defaults.StartTerm;
        var band = rules.Band(request.Part);
        var areas = await client.ListAllResidentialAreasAsync(new ResidentialAreaFilter(IncludeGeometry: true), ct);
        var catchments = areas
            .Select(a => (School: request.Part == SchoolPart.Junior ? a.SchoolJuniorCode : a.SchoolPrimaryCode, a.GeometryGeoJson))
            .Where(a => a.School.Length > 0 && a.GeometryGeoJson.Length > 0)
            .GroupBy(a => a.School)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MapCatchment(g.Key, GeoJson.Combine(g.Select(a => GeoJson.ReadGeometry(a.GeometryGeoJson)))))
            .ToList();
        var shown = schools.Where(s => Rules.Teaches(s.Level, request.Part) && s.CapacityIn(term) is not null).ToList();
        var violations = shown.SelectMany(s => MapStatus.BaseViolations(s, term, rules))
            .Where(v => v.Grade == 0 || band.Grades.Contains(v.Grade)).ToList();
        var overCodes = violations.Select(v => v.SchoolCode).ToHashSet();
        var mapSchools = shown.Select(s => new MapSchool(s.Code, s.Name, s.Lon, s.Lat, band.Sum(s.Enrolment),
            rules.SizeLimit(s.Level), MapStatus.Of(overCodes.Contains(s.Code), s.Kind))).ToList();
        var report = new List<ReportTable>
        {
            EnrolmentTable(mapSchools, shown.ToDictionary(s => s.Code, s => SchoolTracks(s.CapacityIn(term)))),
            ViolationTable(violations, rules),
            new("评估 Assessment", [], [], "The assessment needs a simulation run: planning map --run <run> --out report.pdf"),
        };
        return new Layer(term, "现状 current catchments (base data, base-term enrolment)", catchments, mapSchools, report);
    }

    /// <summary>A run: its catchment polygons, per-school results and violations in the term, and its assessment.</summary>
    private async Task<Layer> RunLayerAsync(MapRequest request, string runId, IReadOnlyList<School> schools, Rules rules, CancellationToken ct)
    {
        var run = await client.GetRunAsync(runId, ct);
        var term = request.Term ?? run.Terms.LastOrDefault() ?? rules.Defaults.StartTerm;
        var band = rules.Band(request.Part);
        var scenario = run.ScenarioId.Length > 0 ? await client.GetScenarioAsync(run.ScenarioId, ct) : null;
        var catchments = await client.GetCatchmentsAsync(run.Id, term, request.Part, ct);
        var result = await client.GetTermResultAsync(run.Id, term, ct);

        var known = schools.ToDictionary(s => s.Code);
        foreach (var opened in scenario?.Changes.OfType<OpenSchool>() ?? [])
        {
            known.TryAdd(opened.School.Code, opened.School);
        }
        var violations = result.Violations.Where(v => v.Grade == 0 || band.Grades.Contains(v.Grade)).ToList();
        var overCodes = violations.Select(v => v.SchoolCode).ToHashSet();
        var mapSchools = result.Schools
            .Where(s => s.Open && Rules.Teaches(s.Level, request.Part) && known.ContainsKey(s.SchoolCode))
            .Select(s => new MapSchool(s.SchoolCode, s.SchoolName, known[s.SchoolCode].Lon, known[s.SchoolCode].Lat,
                band.Sum(s.Enrolment), s.SizeLimit,
                MapStatus.Of(overCodes.Contains(s.SchoolCode), known[s.SchoolCode].Kind)))
            .ToList();
        var polygons = GeoJson.ReadFeatures(catchments.FeatureCollectionGeoJson)
            .Select(f => new MapCatchment(f.Attributes?.Exists("school_code") == true ? $"{f.Attributes["school_code"]}" : "", f.Geometry))
            .Where(c => c.Area is { IsEmpty: false })
            .ToList();
        var tracks = result.Schools.ToDictionary(s => s.SchoolCode, s => $"{s.PrimaryTracks}+{s.JuniorTracks}");
        var report = new List<ReportTable>
        {
            EnrolmentTable(mapSchools, tracks), ViolationTable(violations, rules), await AssessmentTableAsync(run.Id, term, ct),
        };
        var name = scenario?.Name ?? "基础数据 base data";
        var label = run.Label.Length > 0 ? run.Label : run.Id;
        return new Layer(term, $"方案 {name} · run {label} ({(run.Mode == RunMode.KeepCurrent ? "no redistribution" : "redistributed")})",
            polygons, mapSchools, report);
    }

    private static string SchoolTracks(CapacityStep? step) => step is null ? "" : $"{step.PrimaryTracks}+{step.JuniorTracks}";

    private static ReportTable EnrolmentTable(IReadOnlyList<MapSchool> schools, IReadOnlyDictionary<string, string> tracks) => new(
        "在校生 Enrolment by school",
        ["code", "name", "status", "students", "limit", "tracks"],
        [.. schools.OrderByDescending(s => s.Students).Select(s => (IReadOnlyList<string>)
            [s.Code, s.Name, StatusText(s.Status), $"{s.Students:N0}", $"{s.Limit:N0}", tracks.GetValueOrDefault(s.Code, "")])],
        $"{schools.Count} schools, {schools.Sum(s => s.Students):N0} students");

    private static ReportTable ViolationTable(IReadOnlyList<Violation> violations, Rules rules) => new(
        "超限 Violations of the size and class limits",
        ["kind", "school", "grade", "value", "limit", "explanation"],
        [.. violations.Select(v => (IReadOnlyList<string>)
            [v.Kind == ViolationKind.SchoolSize ? "school size" : v.Kind == ViolationKind.ClassSize ? "class size" : "seats short",
                v.SchoolCode, v.Grade == 0 ? "" : $"{v.Grade}", $"{v.Value:N0}", $"{v.Limit:N0}", v.Message])],
        violations.Count == 0
            ? $"No violations: every school within {rules.SchoolSizeLimit:N0} ({rules.NineYearSizeLimit:N0} nine-year) students and "
              + $"{string.Join(" / ", rules.GradeBands.Select(b => b.ClassLimit))} per class."
            : null);

    private async Task<ReportTable> AssessmentTableAsync(string runId, string term, CancellationToken ct)
    {
        try
        {
            var assessment = await client.AssessDistrictAsync(runId, term, ct);
            return new ReportTable(
                $"评估 Assessment: {(assessment.Passes ? "passes" : "does not pass")} (difference coefficients, enrolment-weighted)",
                ["part", "indicator", "coefficient", "ceiling", "met", "schools meeting all"],
                [.. assessment.Parts.SelectMany(p => p.Coefficients.Select(c => (IReadOnlyList<string>)
                    [p.Part == SchoolPart.Junior ? "junior" : "primary", $"{c.Indicator}", $"{c.Value:0.000}", $"{c.Ceiling:0.00}",
                        c.Met ? "yes" : "no", $"{p.SchoolsMeetingAll} of {p.Schools}"]))]);
        }
        catch (PlanningException e)
        {
            return new ReportTable("评估 Assessment", [], [], $"Not available from the server ({e.Status}): {e.Detail}");
        }
    }

    private static string StatusText(SchoolStatus status) => status switch
    {
        SchoolStatus.OverLimits => "超限 over limits",
        SchoolStatus.New => "新建 new",
        SchoolStatus.Expanded => "扩建 expanded",
        _ => "未超限 within limits",
    };

    private static Envelope View(MapRequest request, Geometry district, IReadOnlyList<AdminArea> admin, IReadOnlyList<MapAdminArea> areas)
    {
        if (request.Bbox is { } box)
        {
            return new Envelope(box.MinLon, box.MaxLon, box.MinLat, box.MaxLat);
        }
        if (request.Urban)
        {
            var streets = admin.Select((a, i) => (a.Kind, areas[i].Area)).Where(a => a.Kind == AdminAreaKind.Street).ToList();
            if (streets.Count > 0)
            {
                var envelope = new Envelope();
                streets.ForEach(s => envelope.ExpandToInclude(s.Area.EnvelopeInternal));
                return MapRenderer.Padded(envelope, 0.05);
            }
        }
        return MapRenderer.Padded(district.EnvelopeInternal);
    }
}
