using NetTopologySuite.Geometries;
using Planning.Client.Api;
using Planning.Reports;

namespace Planning.Cli.Maps;

/// <summary>
/// Fills the report's model (<see cref="ReportData"/>) through the client library: a run's catchments and
/// results, or the current catchments of the base data. The server's ExportReport fills the same model
/// from its own queries.
/// </summary>
public sealed class MapDataLoader(PlanningClient client)
{
    public async Task<ReportData> LoadAsync(MapRequest request, CancellationToken ct = default)
    {
        var district = await client.GetDistrictAsync(includeGeometry: true, ct);
        var admin = await client.ListAdminAreasAsync(includeGeometry: true, ct: ct);
        var schools = await client.ListAllSchoolsAsync(ct: ct);
        var rules = await client.GetRulesAsync(ct);
        var geography = new ReportGeography(
            GeoJson.ReadGeometry(district.GeometryGeoJson),
            [.. admin.Select(a => new MapAdminArea(a.Name, a.Kind == AdminAreaKind.Street, GeoJson.ReadGeometry(a.GeometryGeoJson)))]);
        var header = new ReportHeader(district.Name, request.IssuingOffice ?? ReportText.DefaultOffice(district.Name),
            DateOnly.FromDateTime(DateTime.Now), district.Synthetic, district.Credits);
        var parts = request.Report ? [SchoolPart.Primary, SchoolPart.Junior] : new[] { request.Part };
        if (request.RunId is not { Length: > 0 } runId)
        {
            var current = await CurrentSceneAsync(request.Term ?? rules.Defaults.StartTerm, parts, schools, rules, ct);
            return new ReportData(header, ToModel(rules), geography, current,
                AssessmentNote: "The assessment needs a simulation run: planning map --run <run> --out report.pdf");
        }
        var run = await client.GetRunAsync(runId, ct);
        var term = request.Term ?? run.Terms.LastOrDefault() ?? rules.Defaults.StartTerm;
        var scene = await RunSceneAsync(run, term, parts, schools, ct);
        if (!request.Report)
        {
            return new ReportData(header, ToModel(rules), geography, scene);
        }
        var (assessment, note) = await AssessmentAsync(run.Id, term, ct);
        var additions = await AdditionsAsync(run, ct);
        ReportScene? before = null;
        IReadOnlyList<ReportFlow> flows = [];
        if (request.CompareRunId is { Length: > 0 } compareId)
        {
            before = await RunSceneAsync(await client.GetRunAsync(compareId, ct), term, parts, schools, ct);
            var comparison = (await client.CompareRunsAsync(compareId, run.Id, ct)).FirstOrDefault(t => t.Term == term);
            flows = [.. comparison?.Flows.Select(f => new ReportFlow(f.FromSchoolCode, f.ToSchoolCode, f.Part, f.Students)) ?? []];
        }
        return new ReportData(header, ToModel(rules), geography, scene, assessment, note, before, flows, additions);
    }

    /// <summary>The additions the run was computed with, as frozen when it started, under the schools' names of then (as ExportReport lists them).</summary>
    private async Task<IReadOnlyList<ReportAddition>> AdditionsAsync(Run run, CancellationToken ct) =>
        [.. (await client.GetRunAdditionsAsync(run.Id, ct)).SelectMany(a => ReportAddition.Of(a.SchoolCode, a.SchoolName, ProtoMapping.ToProto(a.Added)))];

    /// <summary>No run: each residential area's current school per part, base-term enrolment, tracks in force in the term.</summary>
    private async Task<ReportScene> CurrentSceneAsync(
        string term, IReadOnlyList<SchoolPart> parts, IReadOnlyList<School> schools, Rules rules, CancellationToken ct)
    {
        var areas = await client.ListAllResidentialAreasAsync(new ResidentialAreaFilter(IncludeGeometry: true), ct);
        var catchments = parts.SelectMany(part => areas
            .Select(a => (School: part == SchoolPart.Junior ? a.SchoolJuniorCode : a.SchoolPrimaryCode, a.GeometryGeoJson))
            .Where(a => a.School.Length > 0 && a.GeometryGeoJson.Length > 0)
            .GroupBy(a => a.School)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SceneCatchment(g.Key, part, GeoJson.Combine(g.Select(a => GeoJson.ReadGeometry(a.GeometryGeoJson))))));
        var open = schools.Where(s => s.CapacityIn(term) is not null).ToList();
        var sceneSchools = open.Select(s =>
        {
            var step = s.CapacityIn(term)!;
            return new SceneSchool(s.Code, s.Name, Parts(s.Level), s.Kind, s.Lon, s.Lat, s.Enrolment, step.PrimaryTracks, step.JuniorTracks,
                rules.SizeLimit(s.Level));
        });
        var violations = open.SelectMany(s => BaseViolations.Of(s, term, rules)).Select(ToModel);
        return new ReportScene(null, term, null, [.. sceneSchools], [.. catchments], [.. violations]);
    }

    /// <summary>A run in a term: its catchment polygons, per-school results and violations.</summary>
    private async Task<ReportScene> RunSceneAsync(
        Run run, string term, IReadOnlyList<SchoolPart> parts, IReadOnlyList<School> schools, CancellationToken ct)
    {
        var scenario = run.ScenarioId.Length > 0 ? await client.GetScenarioAsync(run.ScenarioId, ct) : null;
        var result = await client.GetTermResultAsync(run.Id, term, ct);
        var known = schools.ToDictionary(s => s.Code);
        foreach (var opened in scenario?.Changes.OfType<OpenSchool>() ?? [])
        {
            known.TryAdd(opened.School.Code, opened.School);
        }
        var catchments = new List<SceneCatchment>();
        foreach (var part in parts)
        {
            var features = GeoJson.ReadFeatures((await client.GetCatchmentsAsync(run.Id, term, part, ct)).FeatureCollectionGeoJson);
            catchments.AddRange(features
                .Where(f => f.Geometry is { IsEmpty: false })
                .Select(f => new SceneCatchment(f.Attributes?.Exists("school_code") == true ? $"{f.Attributes["school_code"]}" : "", part, f.Geometry)));
        }
        var sceneSchools = result.Schools
            .Where(s => s.Open && known.ContainsKey(s.SchoolCode))
            .Select(s => new SceneSchool(s.SchoolCode, s.SchoolName, Parts(s.Level), known[s.SchoolCode].Kind,
                known[s.SchoolCode].Lon, known[s.SchoolCode].Lat, s.Enrolment, s.PrimaryTracks, s.JuniorTracks, s.SizeLimit));
        var summary = result.Summary;
        var figures = summary is null ? null : new TermFigures(summary.Students, summary.SchoolsOverSize, summary.GradesOverClassLimit,
            summary.SeatsShort, summary.StudentsMoved, summary.MeanDistanceM, summary.MaxDistanceM);
        var reportRun = new ReportRun(run.Id, run.Label.Length > 0 ? run.Label : run.Id, scenario?.Name, run.Mode, run.Solver);
        return new ReportScene(reportRun, term, figures, [.. sceneSchools], catchments, [.. result.Violations.Select(ToModel)]);
    }

    private async Task<(ReportAssessment?, string?)> AssessmentAsync(string runId, string term, CancellationToken ct)
    {
        try
        {
            var assessment = await client.AssessDistrictAsync(runId, term, ct);
            return (new ReportAssessment(assessment.Passes, [.. assessment.Parts.Select(p => new PartVerdict(p.Part, p.Schools, p.SchoolsMeetingAll,
                [.. p.Coefficients.Select(c => new CoefficientFigure(c.Indicator, c.Value, c.Ceiling, c.Met))]))]), null);
        }
        catch (PlanningException e)
        {
            return (null, $"Not available from the server ({e.Status}): {e.Detail}");
        }
    }

    private static IReadOnlyList<SchoolPart> Parts(SchoolLevel level) =>
        [.. new[] { SchoolPart.Primary, SchoolPart.Junior }.Where(p => Planning.Client.Api.Rules.Teaches(level, p))];

    private static ReportViolation ToModel(Violation v) => new(v.Kind, v.SchoolCode, v.Grade, v.Value, v.Limit, v.Message);

    private static ReportRules ToModel(Rules rules) => new(
        rules.Standard, rules.SchoolSizeLimit, rules.NineYearSizeLimit,
        [.. rules.GradeBands.Select(b => new ReportBand(b.Part, b.FirstGrade, b.LastGrade, b.ClassLimit, b.CoefficientCeiling))],
        [.. rules.Indicators.Select(i => new ReportIndicator(i.Indicator, i.NameZh, i.NameEn, i.Unit, i.AmountUnit, i.PrimaryNorm, i.JuniorNorm))],
        rules.MinimumIndicatorsMet, rules.FloorShare);

    /// <summary>The view asked for: a box, the urban streets, or the whole district.</summary>
    public static ReportView View(MapRequest request) => request.Bbox is { } box
        ? new ReportView(new Envelope(box.MinLon, box.MaxLon, box.MinLat, box.MaxLat))
        : new ReportView(Urban: request.Urban);
}
