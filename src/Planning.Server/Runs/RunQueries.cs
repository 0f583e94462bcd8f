using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Comparison;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>Reads stored run results: one term in detail, catchments, and two runs compared.</summary>
public sealed class RunQueries(PlanningDb db, RunResults runs, TermResultCache cache) : ICatchmentLayer
{
    /// <summary>One term of a succeeded run in detail; from the cache once read (a finished run never changes).</summary>
    public async Task<V1.TermResult> TermResultAsync(string runId, string term, CancellationToken ct)
    {
        var id = Checks.Id(runId, "run_id", "run");
        var run = (await db.Database.SqlQuery<RunVersion>(
                $"SELECT status AS \"Status\", xmin::text::bigint AS \"Version\" FROM runs WHERE id = {id}").ToListAsync(ct))
            .SingleOrDefault() ?? throw new NotFoundException($"run {runId}");
        if (run.Status != nameof(RunStatus.Succeeded))
        {
            throw new PreconditionFailedException($"run {runId} has no results: it is {run.Status.ToLowerInvariant()}");
        }
        Checks.TermOf(term, "term");
        var key = new TermResultCache.Key(id, run.Version, term);
        return await cache.GetOrLoadAsync(key, () => ReadTermResultAsync(id, term, ct), ct);
    }

    private sealed record RunVersion(string Status, long Version);

    private async Task<V1.TermResult> ReadTermResultAsync(Guid runId, string term, CancellationToken ct)
    {
        var summary = await runs.TermAsync(runId, term, ct);
        var names = await SchoolNamesAsync(runId, ct);
        var result = new V1.TermResult { RunId = runId.ToString(), Term = term, Summary = RunResults.Summary(summary) };

        var schools = await db.RunSchools.AsNoTracking().Where(s => s.RunId == runId && s.Term == term)
            .OrderBy(s => s.SchoolCode).ToListAsync(ct);
        result.Schools.AddRange(schools.Select(s =>
        {
            var school = new V1.SchoolTermResult
            {
                SchoolCode = s.SchoolCode,
                SchoolName = names.GetValueOrDefault(s.SchoolCode).Name ?? s.SchoolCode,
                Level = names.GetValueOrDefault(s.SchoolCode).Level,
                Open = s.Open,
                Total = s.Students,
                SizeLimit = s.SizeLimit,
                PrimaryTracks = s.PrimaryTracks,
                JuniorTracks = s.JuniorTracks,
            };
            school.Enrolment.AddRange(s.Enrolment);
            school.Classes.AddRange(s.Classes);
            school.LargestClass.AddRange(s.LargestClass);
            return school;
        }));

        var assignments = await db.RunAssignments.AsNoTracking().Where(a => a.RunId == runId && a.Term == term).ToListAsync(ct);
        var placements = await db.RunPlacements.AsNoTracking().Where(p => p.RunId == runId && p.Term == term)
            .OrderBy(p => p.AreaCode).ThenBy(p => p.Grade).ThenBy(p => p.SchoolCode).ToListAsync(ct);
        var students = placements.Where(p => p.AreaCode != null).ToLookup(p => p.AreaCode!);
        foreach (var area in assignments.GroupBy(a => a.AreaCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The catchment is the school with the largest share; the placements list every school.
            var primary = area.Where(a => a.Part == SchoolPart.Primary).MaxBy(a => a.Share);
            var junior = area.Where(a => a.Part == SchoolPart.Junior).MaxBy(a => a.Share);
            var assignment = new V1.AreaAssignment
            {
                AreaCode = area.Key,
                SchoolPrimaryCode = primary?.SchoolCode ?? "",
                SchoolJuniorCode = junior?.SchoolCode ?? "",
                DistancePrimaryM = primary?.DistanceM ?? 0,
                DistanceJuniorM = junior?.DistanceM ?? 0,
            };
            var byGrade = new int[Grades.Count];
            foreach (var p in students[area.Key])
            {
                byGrade[p.Grade - 1] += p.Students;
            }
            assignment.Students.AddRange(byGrade);
            result.Assignments.Add(assignment);
        }

        var violations = await db.RunViolations.AsNoTracking().Where(v => v.RunId == runId && v.Term == term)
            .OrderBy(v => v.SchoolCode).ThenBy(v => v.Grade).ToListAsync(ct);
        result.Violations.AddRange(violations.Select(ToProto));
        result.Placements.AddRange(placements.Select(p => new V1.Placement
        {
            AreaCode = p.AreaCode ?? "", Grade = p.Grade, SchoolCode = p.SchoolCode, Students = p.Students,
        }));
        var issues = await db.RunConstraintIssues.AsNoTracking().Where(i => i.RunId == runId && i.Term == term)
            .OrderBy(i => i.ChangeIndex).ThenBy(i => i.SchoolCode).ThenBy(i => i.Grade).ThenBy(i => i.Id).ToListAsync(ct);
        result.ConstraintIssues.AddRange(issues.Select(i => new V1.ConstraintIssue
        {
            Kind = Vocabulary.ToProto(Enum.Parse<ConstraintIssueKind>(i.Kind)),
            ChangeIndex = i.ChangeIndex,
            AreaCode = i.AreaCode ?? "",
            SchoolCode = i.SchoolCode,
            Part = Vocabulary.ToProto(i.Part),
            Grade = i.Grade,
            Students = i.Students,
            Limit = i.Limit,
            Message = i.Message,
        }));
        var shapes = await db.RunCatchments.AsNoTracking().Where(c => c.RunId == runId && c.Term == term)
            .OrderBy(c => c.SchoolCode).ThenBy(c => c.Part)
            .Select(c => new { c.SchoolCode, c.Part, c.Areas, c.Parts, c.EnclavesJson }).ToListAsync(ct);
        result.Catchments.AddRange(shapes.Select(c =>
        {
            var shape = new V1.CatchmentShape { SchoolCode = c.SchoolCode, Part = Vocabulary.ToProto(c.Part), Areas = c.Areas, Parts = c.Parts };
            shape.Enclaves.AddRange(EnclaveRecords.Read(c.EnclavesJson).Select(e => EnclaveRecords.ToProto(e.Areas, e.Reason)));
            return shape;
        }));
        return result;
    }

    public async Task<V1.GetCatchmentsResponse> CatchmentsAsync(string runId, string term, V1.SchoolPart part, CancellationToken ct)
    {
        var features = await LoadAsync(runId, term, part, ct);
        return new V1.GetCatchmentsResponse
        {
            FeatureCollectionGeojson = System.Text.Encoding.UTF8.GetString(GeoJsonFile.Write(features)),
            FeatureCount = features.Count,
        };
    }

    /// <summary>One feature per school serving the part in that term: its catchment and figures.</summary>
    public async Task<IReadOnlyList<ExportFeature>> LoadAsync(string runId, string term, V1.SchoolPart part, CancellationToken ct)
    {
        var run = await runs.FindSucceededAsync(runId, ct);
        await runs.TermAsync(run.Id, term, ct);
        var dataPart = Vocabulary.FromProto(part)
                       ?? throw new ValidationFailedException([new FieldProblem("part", "is required: primary or junior")]);
        var names = await SchoolNamesAsync(run.Id, ct);
        var rows = await db.RunCatchments.AsNoTracking()
            .Where(c => c.RunId == run.Id && c.Term == term && c.Part == dataPart && c.Boundary != null)
            .OrderBy(c => c.SchoolCode).ToListAsync(ct);
        var enrolment = await db.RunSchools.AsNoTracking().Where(s => s.RunId == run.Id && s.Term == term)
            .ToDictionaryAsync(s => s.SchoolCode, s => s.Enrolment, ct);
        var features = rows.Select(c => new ExportFeature(c.Boundary!, new JsonObject
        {
            ["school_code"] = c.SchoolCode,
            ["school_name"] = names.GetValueOrDefault(c.SchoolCode).Name ?? c.SchoolCode,
            ["part"] = EnumNames.Name(EnumNames.Parts, dataPart),
            ["students"] = enrolment.TryGetValue(c.SchoolCode, out var e)
                ? Grades.SumOf(e, dataPart)
                : 0,
            ["areas"] = c.Areas,
            ["parts"] = c.Parts,
        })).ToList();
        return features;
    }

    public async Task<V1.CompareRunsResponse> CompareAsync(string runA, string runB, CancellationToken ct)
    {
        var a = await runs.FindSucceededAsync(runA, ct);
        var b = await runs.FindSucceededAsync(runB, ct);
        var termsA = await db.RunTerms.AsNoTracking().Where(t => t.RunId == a.Id).OrderBy(t => t.TermIndex).ToListAsync(ct);
        var termsB = (await db.RunTerms.AsNoTracking().Where(t => t.RunId == b.Id).ToListAsync(ct)).ToDictionary(t => t.Term);
        var response = new V1.CompareRunsResponse();
        foreach (var term in termsA.Where(t => termsB.ContainsKey(t.Term)))
        {
            var comparison = new V1.TermComparison
            {
                Term = term.Term, A = RunResults.Summary(term), B = RunResults.Summary(termsB[term.Term]),
            };
            var placementsA = await PlacementsAsync(a.Id, term.Term, ct);
            var placementsB = await PlacementsAsync(b.Id, term.Term, ct);
            foreach (var part in SchoolParts.All)
            {
                var flows = RunComparer.Compare(
                    Result(term.Term, placementsA.Where(p => Grades.PartOf(p.Grade) == part)),
                    Result(term.Term, placementsB.Where(p => Grades.PartOf(p.Grade) == part)));
                comparison.Flows.AddRange(flows.SelectMany(f => f.Flows).Select(f => new V1.StudentFlow
                {
                    FromSchoolCode = f.FromSchool ?? "", ToSchoolCode = f.ToSchool ?? "", Part = Vocabulary.ToProto(part), Students = f.Students,
                }));
            }
            var schoolsA = await AssignmentKeysAsync(a.Id, term.Term, ct);
            var schoolsB = await AssignmentKeysAsync(b.Id, term.Term, ct);
            var changed = schoolsA.Keys.Union(schoolsB.Keys)
                .Where(k => schoolsA.GetValueOrDefault(k) != schoolsB.GetValueOrDefault(k)).ToList();
            comparison.ChangedAreaCodes.AddRange(changed.Select(k => k.Area).Distinct().Order(StringComparer.Ordinal));
            comparison.ChangedPrimaryAreaCodes.AddRange(
                changed.Where(k => k.Part == SchoolPart.Primary).Select(k => k.Area).Order(StringComparer.Ordinal));
            comparison.ChangedJuniorAreaCodes.AddRange(
                changed.Where(k => k.Part == SchoolPart.Junior).Select(k => k.Area).Order(StringComparer.Ordinal));
            response.Terms.Add(comparison);
        }
        return response;
    }

    private static V1.Violation ToProto(RunViolationRow v) =>
        Violation(Enum.Parse<ViolationKind>(v.Kind), v.SchoolCode, v.Grade, v.Students, v.Limit, v.Excess, v.AreaCodes);

    /// <summary>A broken limit as the contract shows it, with its plain-language message.</summary>
    public static V1.Violation Violation(ViolationKind kind, string? school, int grade, int students, int limit, int excess, IEnumerable<string> areas)
    {
        var proto = new V1.Violation
        {
            Kind = Vocabulary.ToProto(kind),
            SchoolCode = school ?? "",
            Grade = grade,
            Value = students,
            Limit = limit,
            Message = kind switch
            {
                ViolationKind.SchoolSize => $"{students} students, {excess} over the limit of {limit}",
                ViolationKind.ClassSize => $"grade {grade}: {students} students for {limit} seats (tracks × class limit), {excess} too many",
                _ => $"{excess} students without a seat within the limits",
            },
        };
        proto.AreaCodes.AddRange(areas);
        return proto;
    }

    private async Task<List<Placement>> PlacementsAsync(Guid runId, string term, CancellationToken ct) =>
        (await db.RunPlacements.AsNoTracking().Where(p => p.RunId == runId && p.Term == term).ToListAsync(ct))
        .Select(p => new Placement(p.AreaCode, p.Grade, p.SchoolCode, p.Students)).ToList();

    private async Task<Dictionary<(string Area, SchoolPart Part), string>> AssignmentKeysAsync(Guid runId, string term, CancellationToken ct) =>
        (await db.RunAssignments.AsNoTracking().Where(a => a.RunId == runId && a.Term == term).ToListAsync(ct))
        .GroupBy(a => (a.AreaCode, a.Part))
        .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Share)!.SchoolCode);

    /// <summary>Just what the comparer reads: the placements of one term.</summary>
    private static SimulationResult Result(string term, IEnumerable<Placement> placements) => new(RunMode.Redistribute,
        [new TermResult(Term.Parse(term), [], [], [.. placements], [], [], new MovementStats(0, 0, 0, 0, 0),
            [new DistanceStats(null, 0, 0, 0)], SolveStats.Nothing)], []);

    /// <summary>The names and levels of the run's schools as frozen in its snapshot (read inside PostgreSQL, not the whole snapshot).</summary>
    private async Task<Dictionary<string, (string? Name, V1.SchoolLevel Level)>> SchoolNamesAsync(Guid runId, CancellationToken ct) =>
        (await db.Database.SqlQuery<SchoolName>($"""
                SELECT s->>'code' AS code, s->>'name' AS name, s->>'level' AS level
                FROM runs, jsonb_array_elements(snapshot_json->'schools') AS s WHERE runs.id = {runId}
                """).ToListAsync(ct))
        .ToDictionary(s => s.Code, s => ((string?)s.Name, Vocabulary.ToProto(Enum.Parse<SchoolLevel>(s.Level.Replace("_", "", StringComparison.Ordinal), ignoreCase: true))));

    private sealed record SchoolName(string Code, string Name, string Level);
}
