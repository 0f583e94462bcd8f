using Microsoft.EntityFrameworkCore;
using Orleans;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>Cancels and deletes runs for a caller: planners act on the runs their own key started, admins on any.</summary>
public sealed partial class RunControl(
    PlanningDb db, RunResults runs, AuditLog audit, Caller caller, IGrainFactory grains, ILogger<RunControl> logger)
{
    private static readonly TimeSpan EndWait = TimeSpan.FromSeconds(60);

    /// <summary>Cancels the run and returns it once the cancel has taken effect (or the run's end, when it came first).</summary>
    public async Task<RunRow> CancelAsync(string id, CancellationToken ct)
    {
        var run = await runs.FindAsync(id, ct, "id");
        CheckOwner(run, "cancel");
        var outcome = await CancelAsync(run.Id, $"cancelled by \"{caller.Actor}\"");
        audit.Add("run.cancel", $"run {run.Id}", new { outcome = outcome.ToString() });
        await db.SaveChangesAsync(ct);
        return outcome == CancelOutcome.Requested || outcome == CancelOutcome.TooLate ? await EndedAsync(run.Id, ct) : await runs.FindAsync(id, ct, "id");
    }

    /// <summary>Cancels the run for the one who started it (a RunSimulation caller that went away).</summary>
    public Task<CancelOutcome> CancelAsync(Guid runId, string reason) => grains.GetGrain<IRunGrain>(runId).Cancel(reason);

    /// <summary>Deletes a run that has ended, with its results, and audits it in the same transaction.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var run = await runs.FindAsync(id, ct, "id");
        CheckOwner(run, "delete");
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var deleted = await db.Runs.Where(r => r.Id == run.Id).Where(Ended).ExecuteDeleteAsync(ct);
            if (deleted == 0)
            {
                throw new PreconditionFailedException(
                    $"run {id} is {(run.Status == RunStatus.Queued ? "waiting in line" : "computing")}: cancel it first (CancelRun)");
            }
            audit.Add("run.delete", $"run {run.Id}", new { label = run.Label, started_by = run.StartedBy, status = run.Status.ToString() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        try
        {
            await grains.GetGrain<IRunGrain>(run.Id).Forget();
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException || ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            LogJournalKept(logger, e, run.Id); // an orphan journal row harms nothing
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<RunRow, bool>> Ended =
        r => r.Status != RunStatus.Queued && r.Status != RunStatus.Running;

    private void CheckOwner(RunRow run, string verb)
    {
        if (caller.Role < Role.Admin && run.KeyId != caller.KeyId)
        {
            var who = run.StartedBy.Length > 0 ? $"the key \"{run.StartedBy}\"" : "another key";
            throw new ForbiddenException($"run {run.Id} was started by {who}; planners {verb} only the runs their own key started");
        }
    }

    private async Task<RunRow> EndedAsync(Guid runId, CancellationToken ct)
    {
        var until = DateTime.UtcNow + EndWait;
        while (true)
        {
            var run = await runs.FindAsync(runId.ToString(), ct, "id");
            if (!(run.Status is RunStatus.Running or RunStatus.Queued) || DateTime.UtcNow > until)
            {
                return run;
            }
            await Task.Delay(100, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} was deleted but its journal could not be dropped")]
    private static partial void LogJournalKept(ILogger logger, Exception e, Guid runId);
}
