using Microsoft.EntityFrameworkCore;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// The changes of state the run grain makes to a run's row. Each is conditional on the state it comes from, so a
/// late or repeated call (a node that was thought dead, a second activation during a membership change) changes nothing.
/// </summary>
public static class RunRows
{
    public static Task<RunRow?> FindAsync(PlanningDb db, Guid runId, CancellationToken ct) =>
        db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);

    /// <summary>Waiting → computing on <paramref name="node"/> as attempt <paramref name="attempt"/>; false when it no longer waits.</summary>
    public static async Task<bool> AssignAsync(PlanningDb db, Guid runId, string node, int attempt, CancellationToken ct) =>
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Queued && r.Attempt == attempt - 1)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.Node, node)
                .SetProperty(r => r.Attempt, attempt)
                .SetProperty(r => r.StartedAt, DateTimeOffset.UtcNow), ct) == 1;

    /// <summary>Computing attempt <paramref name="attempt"/> → waiting again, keeping its arrival (so it goes first).</summary>
    public static async Task<bool> RequeueAsync(PlanningDb db, Guid runId, int attempt, CancellationToken ct) =>
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running && r.Attempt == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Queued)
                .SetProperty(r => r.StartedAt, (DateTimeOffset?)null), ct) == 1;

    /// <summary>Ends a run without results: waiting (attempt 0 of the current) or computing attempt <paramref name="attempt"/>.</summary>
    public static async Task<bool> EndAsync(PlanningDb db, Guid runId, int attempt, RunEnd end, CancellationToken ct) =>
        await db.Runs.Where(r => r.Id == runId && r.Attempt == attempt && (r.Status == RunStatus.Running || r.Status == RunStatus.Queued))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, end.Status)
                .SetProperty(r => r.Error, end.Error)
                .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow), ct) == 1;
}
