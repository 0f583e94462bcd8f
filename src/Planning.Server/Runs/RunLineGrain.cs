using Microsoft.EntityFrameworkCore;
using Orleans;
using Orleans.Runtime;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// The cluster's line of runs (see <see cref="IRunLineGrain"/>). The line itself is the waiting rows of the runs
/// table, in <see cref="RunLine"/>'s order; this single activation hands them out one at a time, so that nodes asking
/// at once get the first and the second, and it gives back to the line the runs of nodes that Orleans' membership
/// has declared dead.
/// </summary>
public sealed partial class RunLineGrain(
    IServiceScopeFactory scopes, IClusterMembershipService membership, ILogger<RunLineGrain> logger)
    : Grain, IRunLineGrain
{
    /// <summary>A node the membership does not know yet may have joined a moment ago; after this it is gone.</summary>
    private static readonly TimeSpan UnknownNodeGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private TaskCompletionSource _changed = Signal();
    private DateTime _lastSweep = DateTime.MinValue;

    public async Task<RunAssignment?> TakeNext(string node)
    {
        await SweepAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        foreach (var runId in await RunLine.NextAsync(db, 5, CancellationToken.None))
        {
            var attempt = await GrainFactory.GetGrain<IRunGrain>(runId).Assign(node);
            if (attempt > 0)
            {
                return new RunAssignment(runId, attempt);
            }
        }
        return null;
    }

    public async Task WaitForWork(TimeSpan wait) => await Task.WhenAny(_changed.Task, Task.Delay(wait));

    public Task Changed()
    {
        var changed = _changed;
        _changed = Signal();
        changed.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Gives back to the line the runs whose node has left the cluster.</summary>
    private async Task SweepAsync()
    {
        if (DateTime.UtcNow - _lastSweep < SweepEvery)
        {
            return;
        }
        _lastSweep = DateTime.UtcNow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        var computing = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running)
            .Select(r => new { r.Id, r.Node, r.Attempt, r.StartedAt }).ToListAsync();
        var lost = computing.Where(r => IsGone(r.Node, r.StartedAt)).ToList();
        foreach (var run in lost)
        {
            LogNodeGone(logger, run.Node, run.Id);
            await GrainFactory.GetGrain<IRunGrain>(run.Id).NodeLost(run.Attempt, run.Node);
        }
        if (lost.Count > 0)
        {
            await Changed();
        }
    }

    private bool IsGone(string node, DateTimeOffset? since)
    {
        if (string.IsNullOrEmpty(node))
        {
            return true; // computing under a server from before the cluster, which has stopped since
        }
        SiloAddress address;
        try
        {
            address = SiloAddress.FromParsableString(node);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return true; // unreadable: no node of this cluster has it
        }
        return membership.CurrentSnapshot.GetSiloStatus(address) switch
        {
            SiloStatus.Dead => true,
            SiloStatus.None => DateTimeOffset.UtcNow - (since ?? DateTimeOffset.MinValue) > UnknownNodeGrace,
            _ => false,
        };
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} has left the cluster while computing run {RunId}")]
    private static partial void LogNodeGone(ILogger logger, string node, Guid runId);
}
