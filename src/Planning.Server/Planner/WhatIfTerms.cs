using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Engine.WhatIf;
using Planning.Server.Data;
using Planning.Server.Runs;

namespace Planning.Server.Planner;

/// <summary>A term of a run ready for what-if questions, with the school names the answers carry.</summary>
public sealed record LoadedTerm(WhatIfTerm Term, IReadOnlyDictionary<string, string> SchoolNames, Guid? ScenarioId);

/// <summary>
/// Terms of finished runs, loaded once from the run's snapshot and stored results and kept in memory
/// (a finished run never changes), so that what-if questions are answered without the database. At most
/// <see cref="Capacity"/> terms are kept; the one loaded longest ago goes first.
/// </summary>
public sealed class WhatIfTerms
{
    public const int Capacity = 16;

    private readonly ConcurrentDictionary<(Guid Run, string Term), Lazy<Task<LoadedTerm>>> _terms = new();
    private readonly ConcurrentQueue<(Guid Run, string Term)> _order = new();

    /// <summary>The term, loading it with <paramref name="db"/> when it is not in memory.</summary>
    public async Task<LoadedTerm> GetAsync(PlanningDb db, RunResults runs, string runId, string term, CancellationToken ct)
    {
        var id = Common.Checks.Id(runId, "run_id", "run");
        if (_terms.TryGetValue((id, term), out var known) && known.Value.IsCompletedSuccessfully)
        {
            // One small query: the run may have gone with its scenario since it was loaded.
            if (await db.Runs.AnyAsync(r => r.Id == id && r.Status == Data.RunStatus.Succeeded, ct))
            {
                return known.Value.Result;
            }

            _terms.TryRemove((id, term), out _);
        }

        var run = await runs.FindSucceededAsync(runId, ct);
        await runs.TermAsync(run.Id, term, ct); // INVALID_ARGUMENT or NOT_FOUND for a bad term
        var key = (run.Id, term);
        var entry = _terms.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            return new Lazy<Task<LoadedTerm>>(() => LoadAsync(db, run, term));
        });
        while (_terms.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _terms.TryRemove(oldest, out _);
        }

        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _terms.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Reads what the engine needs; not cancelled by the first caller, whose answer others may share.</summary>
    private static async Task<LoadedTerm> LoadAsync(PlanningDb db, RunRow run, string termText)
    {
        var ct = CancellationToken.None;
        var snapshot = RunSnapshot.FromJson(run.SnapshotJson);
        var input = RunSnapshots.ToInput(snapshot);
        var tracks = await db.RunSchools.AsNoTracking().Where(s => s.RunId == run.Id && s.Term == termText)
            .ToDictionaryAsync(s => s.SchoolCode, s => (s.PrimaryTracks, s.JuniorTracks), ct);
        var placements = await db.RunPlacements.AsNoTracking().Where(p => p.RunId == run.Id && p.Term == termText)
            .Select(p => new Placement(p.AreaCode, p.Grade, p.SchoolCode, p.Students)).ToListAsync(ct);
        var catchments = await db.RunAssignments.AsNoTracking().Where(a => a.RunId == run.Id && a.Term == termText)
            .Select(a => new AreaAssignment(a.AreaCode, a.Part, a.SchoolCode, a.Share, a.DistanceM)).ToListAsync(ct);
        var term = new WhatIfTerm(
            Term.Parse(termText),
            input.Parameters.Standard,
            [.. input.Schools.Select(s => tracks.TryGetValue(s.Code, out var t)
                ? new WhatIfSchool(s.Code, s.Level, s.Location, t.PrimaryTracks, t.JuniorTracks)
                : new WhatIfSchool(s.Code, s.Level, s.Location, 0, 0))],
            [.. input.Areas.Select(a => new WhatIfArea(a.Code, a.Point, a.Boundary))],
            placements,
            catchments,
            input.Adjacency);
        return new LoadedTerm(term, snapshot.Schools.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal), run.ScenarioId);
    }
}
