using Npgsql;
using NpgsqlTypes;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>Writes a finished run's results with binary COPY, inside the caller's transaction.</summary>
public sealed class RunWriter(NpgsqlConnection connection)
{
    public async Task WriteAsync(Guid runId, SimulationResult result, CancellationToken ct)
    {
        var terms = result.Terms.Select((t, i) => (Index: i, Term: t)).ToList();
        await connection.CopyAsync("run_terms (run_id, term_index, term, students, schools_over_size, grades_over_class_limit, seats_short, students_moved, mean_distance_m, max_distance_m, optimality_gap, solve_seconds, enclaves, constraint_issues, solve_method, objective, lower_bound, bound_kind, bound_method, bound_seconds, overflow_pupils, minimum_overflow_bound, breakdown)",
            terms, (w, x) =>
            {
                var s = RunSummaries.Of(x.Term);
                w.Write(runId);
                w.Write(x.Index);
                w.Write(x.Term.Term.ToString());
                w.Write(s.Students);
                w.Write(s.SchoolsOverSize);
                w.Write(s.GradesOverClassLimit);
                w.Write(s.SeatsShort);
                w.Write(s.StudentsMoved);
                w.Write(s.MeanDistanceM);
                w.Write(s.MaxDistanceM);
                w.Write(s.OptimalityGap);
                w.Write(x.Term.Solve.Seconds);
                w.Write(x.Term.Enclaves);
                w.Write(x.Term.ConstraintIssues.Count);
                w.Write(x.Term.Solve.Method);
                w.Write(x.Term.Solve.Objective);
                w.Write(x.Term.Solve.LowerBound);
                w.Write(x.Term.Solve.BoundKind);
                w.Write(x.Term.Solve.BoundMethod);
                w.Write(x.Term.Solve.BoundSeconds);
                w.Write(x.Term.Solve.OverflowPupils);
                w.Write(x.Term.Solve.MinimumOverflowBound);
                w.Write(BreakdownRecords.Json(x.Term.Solve.Breakdown), NpgsqlDbType.Jsonb);
            }, ct);

        var schools = result.Terms.SelectMany(t => t.Schools.Select(s => (Term: t.Term.ToString(), School: s)));
        await connection.CopyAsync("run_schools (run_id, term, school_code, open, students, size_limit, primary_tracks, junior_tracks, enrolment, classes, largest_class)",
            schools, (w, x) =>
            {
                var byGrade = Enumerable.Range(1, 9).Select(g => x.School.Grades.FirstOrDefault(r => r.Grade == g)).ToList();
                w.Write(runId);
                w.Write(x.Term);
                w.Write(x.School.SchoolCode);
                w.Write(x.School.IsOpen);
                w.Write(x.School.Students);
                w.Write(x.School.SizeLimit);
                w.Write(x.School.PrimaryTracks);
                w.Write(x.School.JuniorTracks);
                w.Write(byGrade.Select(g => g?.Students ?? 0).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                w.Write(byGrade.Select(g => g?.Classes ?? 0).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                w.Write(byGrade.Select(g => g?.LargestClass ?? 0).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
            }, ct);

        var placements = result.Terms.SelectMany(t => t.Placements.Select(p => (Term: t.Term.ToString(), P: p)));
        await connection.CopyAsync("run_placements (run_id, term, area_code, grade, school_code, students)", placements, (w, x) =>
        {
            w.Write(runId);
            w.Write(x.Term);
            w.WriteNullable(x.P.AreaCode, NpgsqlDbType.Text);
            w.Write(x.P.Grade);
            w.Write(x.P.SchoolCode);
            w.Write(x.P.Students);
        }, ct);

        var assignments = result.Terms.SelectMany(t => t.Assignments.Select(a => (Term: t.Term.ToString(), A: a)));
        await connection.CopyAsync("run_assignments (run_id, term, area_code, part, school_code, share, distance_m)", assignments, (w, x) =>
        {
            w.Write(runId);
            w.Write(x.Term);
            w.Write(x.A.AreaCode);
            w.Write(Part(x.A.Part));
            w.Write(x.A.SchoolCode);
            w.Write(x.A.Share);
            w.Write(x.A.DistanceMetres);
        }, ct);

        var violations = result.Terms.SelectMany(t => t.Violations.Select(v => (Term: t.Term.ToString(), V: v)));
        await connection.CopyAsync("run_violations (run_id, term, kind, school_code, grade, students, \"limit\", excess, area_codes)", violations, (w, x) =>
        {
            w.Write(runId);
            w.Write(x.Term);
            w.Write(x.V.Kind.ToString());
            w.WriteNullable(x.V.SchoolCode, NpgsqlDbType.Text);
            w.Write(x.V.Grade ?? 0);
            w.Write(x.V.Students);
            w.Write(x.V.Limit);
            w.Write(x.V.Excess);
            w.Write(x.V.AreaCodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }, ct);

        var catchments = result.Terms.SelectMany(t => t.Catchments.Select(c => (Term: t.Term.ToString(), C: c)));
        await connection.CopyAsync("run_catchments (run_id, term, part, school_code, areas, parts, boundary, enclaves)", catchments, (w, x) =>
        {
            w.Write(runId);
            w.Write(x.Term);
            w.Write(Part(x.C.Part));
            w.Write(x.C.SchoolCode);
            w.Write(x.C.AreaCodes.Count);
            w.Write(x.C.Parts);
            if (x.C.Boundary is null)
            {
                w.WriteNull();
            }
            else
            {
                x.C.Boundary.SRID = 4326;
                w.Write(x.C.Boundary, NpgsqlDbType.Geometry);
            }
            w.Write(EnclaveRecords.Json(x.C.Enclaves), NpgsqlDbType.Jsonb);
        }, ct);

        var issues = result.Terms.SelectMany(t => t.ConstraintIssues.Select(i => (Term: t.Term.ToString(), I: i)));
        await connection.CopyAsync("run_constraint_issues (run_id, term, kind, change_index, area_code, school_code, part, grade, students, \"limit\", message)", issues, (w, x) =>
        {
            w.Write(runId);
            w.Write(x.Term);
            w.Write(x.I.Kind.ToString());
            w.Write(x.I.Change);
            w.WriteNullable(x.I.AreaCode, NpgsqlDbType.Text);
            w.Write(x.I.SchoolCode);
            w.Write(Part(x.I.Part));
            w.Write(x.I.Grade ?? 0);
            w.Write(x.I.Students);
            w.Write(x.I.Limit);
            w.Write(x.I.Message);
        }, ct);
    }

    private static string Part(Planning.Engine.Rules.SchoolPart part) =>
        (part == Planning.Engine.Rules.SchoolPart.Primary ? SchoolPart.Primary : SchoolPart.Junior).ToString();
}

/// <summary>The headline figures of a term.</summary>
public sealed record RunSummary(
    int Students, int SchoolsOverSize, int GradesOverClassLimit, int SeatsShort, int StudentsMoved,
    double MeanDistanceM, double MaxDistanceM, double OptimalityGap);

public static class RunSummaries
{
    public static RunSummary Of(TermResult t) => new(
        t.Schools.Sum(s => s.Students),
        t.Violations.Count(v => v.Kind == ViolationKind.SchoolSize),
        t.Violations.Count(v => v.Kind == ViolationKind.ClassSize),
        t.Violations.Where(v => v.Kind == ViolationKind.SeatsShort).Sum(v => v.Excess),
        t.Movement.Moved,
        t.Distance.MeanMetres,
        t.Distance.MaxMetres,
        t.Solve.Gap);
}
