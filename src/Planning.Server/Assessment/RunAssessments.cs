using Microsoft.EntityFrameworkCore;
using Planning.Engine.Assessment;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Runs;
using Planning.Engine.Rules;

namespace Planning.Server.Assessment;

/// <summary>One school of a run assessed in one term, with what is known about it.</summary>
public sealed record AssessedSchool(SchoolFacts Facts, RunSchoolRow Row, SchoolAssessment Assessment)
{
    /// <summary>Open and with students: the schools the district statistics count.</summary>
    public bool Counts => Row.Open && Row.Students > 0;
}

/// <summary>Reads a stored run and assesses its schools term by term (DOMAIN.md, the national standard).</summary>
public sealed class RunAssessments(PlanningDb db, RunResults runs)
{
    /// <summary>The run, after checking the id and the term's form (INVALID_ARGUMENT) and that the term is in the run (NOT_FOUND).</summary>
    public async Task<RunRow> FindAsync(string runId, string term, CancellationToken ct, params FieldProblem[] more)
    {
        var problems = new Problems();
        if (!Guid.TryParse(runId, out _))
        {
            problems.Add("run_id", Checks.BadId(runId, "run"));
        }
        Checks.Term(term, "term", problems);
        foreach (var p in more)
        {
            problems.Add(p.Field, p.Description);
        }
        problems.ThrowIfAny();
        var run = await runs.FindSucceededAsync(runId, ct);
        await runs.TermAsync(run.Id, term, ct);
        return run;
    }

    /// <summary>Every school of the run in <paramref name="term"/>, ordered by code.</summary>
    public async Task<IReadOnlyList<AssessedSchool>> TermAsync(RunRow run, string term, CancellationToken ct)
    {
        var rows = (await db.RunSchools.AsNoTracking().Where(s => s.RunId == run.Id && s.Term == term).ToListAsync(ct))
            .OrderBy(s => s.SchoolCode, StringComparer.Ordinal).ToList();
        var facts = SchoolFactsLoader.Load(run);
        var standard = StandardOf(run);
        return [.. rows.Where(r => facts.ContainsKey(r.SchoolCode)).Select(r => Assess(facts[r.SchoolCode], r, standard))];
    }

    /// <summary>Every school of the run in every term: terms ascending, then schools by code.</summary>
    public async Task<IReadOnlyList<(string Term, IReadOnlyList<AssessedSchool> Schools)>> AllTermsAsync(RunRow run, CancellationToken ct)
    {
        var terms = await db.RunTerms.AsNoTracking().Where(t => t.RunId == run.Id).OrderBy(t => t.TermIndex)
            .Select(t => t.Term).ToListAsync(ct);
        var rows = (await db.RunSchools.AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(ct)).ToLookup(r => r.Term);
        var facts = SchoolFactsLoader.Load(run);
        var standard = StandardOf(run);
        return [.. terms.Select(t => (t, (IReadOnlyList<AssessedSchool>)[.. rows[t]
            .Where(r => facts.ContainsKey(r.SchoolCode))
            .OrderBy(r => r.SchoolCode, StringComparer.Ordinal)
            .Select(r => Assess(facts[r.SchoolCode], r, standard))]))];
    }

    /// <summary>The standard the run was computed under, frozen with it.</summary>
    public static Standard StandardOf(RunRow run) => RunSnapshots.Standard(RunSnapshots.Read(run).Standard);

    private static AssessedSchool Assess(SchoolFacts facts, RunSchoolRow row, Standard standard) => new(facts, row, facts.Assess(row, standard));
}
