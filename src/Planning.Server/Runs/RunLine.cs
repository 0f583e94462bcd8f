using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// The order of the line of runs, over the whole cluster: the one home of the fair order and of the line's limits.
/// Keys take turns: a run's turn is the number of runs of its key that were waiting or computing when it arrived, and
/// the line goes by turn, then by arrival. One planner sending many runs therefore delays only his own, and a run's
/// turn, fixed when it arrives, does not change when the runs before it end (a place told stays true).
/// </summary>
public static class RunLine
{
    private const string Turns = """
        SELECT r.id, r.queued_at,
               (SELECT count(*) FROM runs e
                WHERE e.key_id IS NOT DISTINCT FROM r.key_id AND (e.queued_at, e.id) < (r.queued_at, r.id)
                  AND (e.finished_at IS NULL OR e.finished_at > r.queued_at)) AS turn
        FROM runs r
        WHERE r.status = 'Queued'
        """;

    /// <summary>Serialises the admission of runs across nodes (pg_advisory_xact_lock's key; any fixed number).</summary>
    private const long AdmissionLock = 0x706c616e_6c696e65; // "planline"

    /// <summary>The first <paramref name="count"/> waiting runs, in the line's order.</summary>
    public static async Task<List<Guid>> NextAsync(PlanningDb db, int count, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<Guid>(
            "SELECT id AS \"Value\" FROM (" + Turns + ") t ORDER BY turn, queued_at, id LIMIT {0}", count).ToListAsync(ct);

    /// <summary>The run's place in line (1 = next), or 0 when it does not wait.</summary>
    public static async Task<int> PositionAsync(PlanningDb db, Guid runId, CancellationToken ct) =>
        (int)await db.Database.SqlQueryRaw<long>(
            "SELECT coalesce(max(position), 0) AS \"Value\" FROM (SELECT id, row_number() OVER (ORDER BY turn, queued_at, id) AS position FROM ("
            + Turns + ") t) p WHERE id = {0}", runId).SingleAsync(ct);

    /// <summary>
    /// Inside the transaction that stores a new run: waits for any other node admitting one, then refuses the run
    /// when the line is full, or when the key already has its share of it.
    /// </summary>
    /// <exception cref="LimitExceededException">The line, or the key's share of it, is full.</exception>
    public static async Task AdmitAsync(PlanningDb db, Guid? keyId, ServerLimits limits, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AdmissionLock], ct);
        var waiting = await db.Runs.Where(r => r.Status == RunStatus.Queued).GroupBy(r => r.KeyId)
            .Select(g => new { KeyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var all = waiting.Sum(w => w.Count);
        if (all >= limits.MaxQueuedRuns)
        {
            throw new LimitExceededException(
                $"{all} run(s) are waiting, the most the cluster queues (Limits:MaxQueuedRuns = {limits.MaxQueuedRuns}); retry when one has started");
        }
        var mine = waiting.FirstOrDefault(w => w.KeyId == keyId)?.Count ?? 0;
        if (mine >= limits.MaxQueuedRunsPerKey)
        {
            throw new LimitExceededException(
                $"this key already has {mine} run(s) waiting, the most one key may have in line " +
                $"(Limits:MaxQueuedRunsPerKey = {limits.MaxQueuedRunsPerKey}); retry when one has started");
        }
    }
}
