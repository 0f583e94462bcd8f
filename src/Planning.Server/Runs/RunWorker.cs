using Orleans;
using Orleans.Runtime;
using Planning.Server.Common;

namespace Planning.Server.Runs;

/// <summary>
/// This node's share of the runs: while it has fewer than Limits:MaxConcurrentRuns computing, it takes the next run
/// from the cluster's line and computes it (<see cref="RunComputation"/>). It waits on the line between runs, and is
/// woken at once when a run is started on this node.
/// </summary>
public sealed partial class RunWorker(
    IGrainFactory grains, ILocalSiloDetails silo, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ServerLimits limits, ILogger<RunWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LineWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AfterError = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This node as runs record it: the silo's address with its generation, unique to this process.</summary>
    public string Node => silo.SiloAddress.ToParsableString();

    /// <summary>A run was started here: look at the line now rather than at the next wake-up.</summary>
    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo is up once the application has started; grain calls before would wait on it.
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
        var line = grains.GetGrain<IRunLineGrain>(0);
        var computing = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            computing.RemoveAll(t => t.IsCompleted);
            var took = false;
            if (computing.Count < limits.MaxConcurrentRuns)
            {
                try
                {
                    if (await line.TakeNext(Node) is { } next)
                    {
                        computing.Add(Task.Run(() => ComputeAsync(next, stoppingToken), CancellationToken.None));
                        took = true;
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLineUnavailable(logger, e);
                    await Task.Delay(AfterError, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }
            }
            if (took)
            {
                continue; // maybe another place is free
            }
            var wake = computing.Count < limits.MaxConcurrentRuns
                ? WaitForLineAsync(line, stoppingToken)
                : Task.Delay(LineWait, stoppingToken);
            await Task.WhenAny([.. computing, wake, _wake.WaitAsync(stoppingToken)]).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        // Stopping: the runs computing here stop without an end; the line gives them to another node once this one has left.
        await Task.WhenAll(computing);
    }

    private async Task ComputeAsync(RunAssignment run, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<RunComputation>(scope.ServiceProvider, run, grains.GetGrain<IRunGrain>(run.RunId))
                .RunAsync(stoppingToken);
        }
        catch (Exception e)
        {
            LogComputationFailed(logger, e, run.RunId);
        }
        finally
        {
            _wake.Release(); // a place is free
        }
    }

    private static async Task WaitForLineAsync(IRunLineGrain line, CancellationToken ct)
    {
        try
        {
            await line.WaitForWork(LineWait).WaitAsync(LineWait * 2, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Task.Delay(AfterError, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the line for a run; trying again")]
    private static partial void LogLineUnavailable(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Computing run {RunId} stopped unexpectedly; the line gives it to another node if this one goes")]
    private static partial void LogComputationFailed(ILogger logger, Exception e, Guid runId);
}
