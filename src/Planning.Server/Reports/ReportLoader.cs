using Microsoft.EntityFrameworkCore;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Reports;
using Planning.Server.Assessment;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Rules;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Reports;

/// <summary>
/// Fills the report's model from the server's own queries: the same term results, catchments, assessment
/// and comparison its RPCs answer with, the rules GetRules serves, and each school's site and kind as
/// frozen in the run's snapshot. The command line fills the same model through the client library.
/// </summary>
public sealed class ReportLoader(PlanningDb db, RunResults runs, RunQueries queries, AssessmentQueries assessments, SimulationParameters defaults)
{
    /// <summary>What to load: a run (and maybe a second one), a term or the run's last, the parts whose maps are drawn.</summary>
    public sealed record Request(string RunId, string Term, IReadOnlyList<V1.SchoolPart> Parts, string? CompareRunId, string? IssuingOffice, bool Full);

    public async Task<ReportData> LoadAsync(Request request, CancellationToken ct)
    {
        var run = await runs.FindSucceededAsync(request.RunId, ct);
        var term = request.Term.Length > 0 ? request.Term : await LastTermAsync(run.Id, ct);
        var scene = await SceneAsync(run, term, request.Parts, ct);
        var district = await db.Districts.AsNoTracking().OrderBy(d => d.Id).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("the district (no dataset has been imported)");
        var admin = await db.AdminAreas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var header = new ReportHeader(district.Name, request.IssuingOffice ?? ReportText.DefaultOffice(district.Name),
            DateOnly.FromDateTime(DateTime.Now), district.Synthetic, district.Credits);
        var geography = new ReportGeography(district.Boundary,
            [.. admin.Select(a => new MapAdminArea(a.Name, a.Kind == AdminAreaKind.Street, a.Boundary))]);
        var rules = Rules(RulesApi.ToProto(defaults));
        if (!request.Full)
        {
            return new ReportData(header, rules, geography, scene);
        }
        var (assessment, note) = await AssessmentAsync(request.RunId, term, ct);
        var additions = Additions(run);
        if (request.CompareRunId is not { } compareId)
        {
            return new ReportData(header, rules, geography, scene, assessment, note, Additions: additions);
        }
        var before = await runs.FindSucceededAsync(compareId, ct);
        var beforeScene = await SceneAsync(before, term, request.Parts, ct);
        var comparison = (await queries.CompareAsync(compareId, request.RunId, ct)).Terms.FirstOrDefault(t => t.Term == term);
        var flows = comparison?.Flows.Select(f => new ReportFlow(f.FromSchoolCode, f.ToSchoolCode, f.Part, f.Students)).ToList() ?? [];
        return new ReportData(header, rules, geography, scene, assessment, note, beforeScene, flows, additions);
    }

    /// <summary>
    /// The additions the run was computed with, as frozen in its snapshot when it started (a change made to the
    /// scenario later is not the run's), with the schools' names as they were then.
    /// </summary>
    private static IReadOnlyList<ReportAddition> Additions(RunRow run) =>
        [.. RunAdditions.Read(run).SelectMany(a => ReportAddition.Of(a.SchoolCode, a.SchoolName, a.Added))];

    private async Task<string> LastTermAsync(Guid runId, CancellationToken ct) =>
        await db.RunTerms.AsNoTracking().Where(t => t.RunId == runId).OrderByDescending(t => t.TermIndex).Select(t => t.Term).FirstOrDefaultAsync(ct)
        ?? throw new PreconditionFailedException($"run {runId} has no terms");

    /// <summary>A run in a term, from the run's term result and catchments (GetTermResult, GetCatchments).</summary>
    private async Task<ReportScene> SceneAsync(RunRow run, string term, IReadOnlyList<V1.SchoolPart> parts, CancellationToken ct)
    {
        var id = run.Id.ToString();
        var result = await queries.TermResultAsync(id, term, ct);
        var catchments = new List<SceneCatchment>();
        foreach (var part in parts)
        {
            catchments.AddRange((await queries.LoadAsync(id, term, part, ct))
                .Select(f => new SceneCatchment((string?)f.Properties["school_code"] ?? "", part, f.Geometry)));
        }
        var sites = await SitesAsync(run.Id, ct);
        var schools = result.Schools.Where(s => s.Open && sites.ContainsKey(s.SchoolCode)).Select(s =>
        {
            var site = sites[s.SchoolCode];
            var levelParts = Vocabulary.FromProto(s.Level) is { } level ? SchoolLevels.PartsOf(level).Select(Vocabulary.ToProto).ToList() : [];
            return new SceneSchool(s.SchoolCode, s.SchoolName, levelParts, site.Kind, site.Lon, site.Lat,
                [.. s.Enrolment], s.PrimaryTracks, s.JuniorTracks, s.SizeLimit);
        });
        var scenario = run.ScenarioId is { } scenarioId
            ? await db.Scenarios.AsNoTracking().Where(s => s.Id == scenarioId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        var s = result.Summary;
        return new ReportScene(
            new ReportRun(id, run.Label.Length > 0 ? run.Label : id, scenario, Vocabulary.ToProto(run.Mode), run.Solver),
            term,
            new TermFigures(s.Students, s.SchoolsOverSize, s.GradesOverClassLimit, s.SeatsShort, s.StudentsMoved, s.MeanDistanceM, s.MaxDistanceM),
            [.. schools],
            catchments,
            [.. result.Violations.Select(v => new ReportViolation(v.Kind, v.SchoolCode, v.Grade, v.Value, v.Limit, v.Message))]);
    }

    private async Task<(ReportAssessment?, string?)> AssessmentAsync(string runId, string term, CancellationToken ct)
    {
        try
        {
            var a = await assessments.DistrictAsync(runId, term, ct);
            return (new ReportAssessment(a.Passes, [.. a.Parts.Select(p => new PartVerdict(p.Part, p.Schools, p.SchoolsMeetingAll,
                [.. p.Coefficients.Select(c => new CoefficientFigure(c.Indicator, c.Value, c.Ceiling, c.Met))]))]), null);
        }
        catch (PreconditionFailedException e)
        {
            return (null, $"Not available: {e.Message}");
        }
    }

    /// <summary>Each school's site and kind as the run's snapshot froze them (read inside PostgreSQL, not the whole snapshot).</summary>
    private async Task<Dictionary<string, Site>> SitesAsync(Guid runId, CancellationToken ct) =>
        (await db.Database.SqlQuery<SiteRow>($"""
                SELECT s->>'code' AS code, (s->>'lon')::float8 AS lon, (s->>'lat')::float8 AS lat, s->>'kind' AS kind
                FROM runs, jsonb_array_elements(snapshot_json->'schools') AS s WHERE runs.id = {runId}
                """).ToListAsync(ct))
        .ToDictionary(s => s.Code, s => new Site(s.Lon, s.Lat,
            EnumNames.Kinds.TryGetValue(s.Kind, out var kind) ? Vocabulary.ToProto(kind) : V1.SchoolKind.Existing));

    private static ReportRules Rules(V1.Rules rules) => new(
        rules.Standard, rules.SchoolSizeLimit, rules.NineYearSizeLimit,
        [.. rules.GradeBands.Select(b => new ReportBand(b.Part, b.FirstGrade, b.LastGrade, b.ClassLimit, b.CoefficientCeiling))],
        [.. rules.Indicators.Select(i => new ReportIndicator(i.Indicator, i.NameZh, i.NameEn, i.Unit, i.AmountUnit, i.PrimaryNorm, i.JuniorNorm))],
        rules.MinimumIndicatorsMet, rules.FloorShare);

    private sealed record SiteRow(string Code, double Lon, double Lat, string Kind);

    private sealed record Site(double Lon, double Lat, V1.SchoolKind Kind);
}
