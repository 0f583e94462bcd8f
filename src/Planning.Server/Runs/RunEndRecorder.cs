using System.Threading.Channels;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Runs;

/// <summary>
/// Records how runs ended when the database could not take it at the time (it was down): retries
/// in the background until it is back, so such a run ends as failed, not forever "running", without a
/// restart. A server that stops first leaves them to the start-up's interrupted marking.
/// </summary>
public sealed partial class RunEndRecorder(IServiceScopeFactory scopes, ILogger<RunEndRecorder> logger) : BackgroundService
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private readonly Channel<(Guid RunId, RunStatus Status, string Error)> _pending = Channel.CreateUnbounded<(Guid, RunStatus, string)>();

    public void Enqueue(Guid runId, RunStatus status, string error) => _pending.Writer.TryWrite((runId, status, error));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (runId, status, error) in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            while (true)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await RunResults.EndWithoutResultsAsync(scope.ServiceProvider.GetRequiredService<PlanningDb>(), runId, status, error, stoppingToken);
                    LogRecorded(logger, runId, status);
                    break;
                }
                catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
                {
                    await Task.Delay(RetryEvery, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not the database being away: trying again would not help, and must not stop the server.
                    LogGaveUp(logger, e, runId);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record how run {RunId} ended; it is marked interrupted at the next start")]
    private static partial void LogGaveUp(ILogger logger, Exception e, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded late that run {RunId} ended {Status}")]
    private static partial void LogRecorded(ILogger logger, Guid runId, RunStatus status);
}
