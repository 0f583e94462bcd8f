using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orleans;
using Planning.Engine.Inputs;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Scenarios;
using Planning.V1;
using RunStatus = Planning.Server.Data.RunStatus;

namespace Planning.Server.Runs;

/// <summary>
/// Starts a run: checks the request, freezes what it runs on (<see cref="RunSnapshot"/>), and stores it waiting in the
/// cluster's line, admitted under the line's limits and audited in the same transaction. Any node may then compute it.
/// </summary>
public sealed partial class RunStarter(
    PlanningDb db, ScenarioStore scenarios, AuditLog audit, Caller caller, ServerLimits limits,
    IGrainFactory grains, RunWorker worker, ILogger<RunStarter> logger)
{
    public async Task<RunRow> StartAsync(RunSimulationRequest request, CancellationToken ct)
    {
        var problems = new Problems();
        if (request.Label.Length > 100)
        {
            problems.Add("label", "must be at most 100 characters");
        }
        var mode = Vocabulary.FromProto(request.Mode);
        if (mode is null)
        {
            problems.Add("mode", $"unknown run mode {(int)request.Mode}: REDISTRIBUTE or KEEP_CURRENT");
        }
        problems.ThrowIfAny();
        Guid? scenarioId = null;
        ScenarioSettings? settings = null;
        IEnumerable<ScenarioChange> changes = [];
        if (request.ScenarioId.Length > 0)
        {
            var scenario = ScenarioStore.ToProto(await scenarios.FindAsync(request.ScenarioId, tracking: false, ct));
            (scenarioId, settings, changes) = (Guid.Parse(scenario.Id), scenario.Settings, scenario.Changes);
        }
        settings = request.Settings ?? settings; // this run only; the snapshot keeps what it ran with
        // What runs is what is stored: every node rebuilds the engine's input from this snapshot.
        var snapshot = RunSnapshots.Freeze(await scenarios.InputAsync(settings, changes, ct));
        CheckSize(RunSnapshots.ToInput(snapshot));
        var run = new RunRow
        {
            Id = Guid.NewGuid(),
            ScenarioId = scenarioId,
            Mode = mode!.Value,
            Label = request.Label,
            Status = RunStatus.Queued,
            QueuedAt = DateTimeOffset.UtcNow,
            SnapshotJson = snapshot.ToJson(),
            SnapshotFormat = snapshot.Format,
            KeyId = caller.KeyId,
            StartedBy = caller.Actor.Length <= 100 ? caller.Actor : caller.Actor[..100],
        };
        await StoreAsync(run, ct);
        LogRunStarted(logger, run.Id, request.ScenarioId);
        await AnnounceAsync(run.Id);
        return run;
    }

    private async Task StoreAsync(RunRow run, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RunLine.AdmitAsync(db, run.KeyId, limits, ct);
        db.Runs.Add(run);
        audit.Add("run.start", $"run {run.Id}", new { scenario_id = run.ScenarioId, mode = run.Mode.ToString(), label = run.Label });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            throw new NotFoundException($"scenario {run.ScenarioId} (deleted as the run started)");
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Tells the run's grain and the line; a node that cannot is no loss: the line reads the waiting runs from the database.</summary>
    private async Task AnnounceAsync(Guid runId)
    {
        try
        {
            await grains.GetGrain<IRunGrain>(runId).Queued();
            await grains.GetGrain<IRunLineGrain>(0).Changed();
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException || ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            LogNotAnnounced(logger, e, runId);
        }
        worker.Wake();
    }

    private void CheckSize(SimulationInput input)
    {
        var terms = input.Parameters.Horizon.TermsSince(input.Parameters.Start) + 1;
        var size = (long)input.Areas.Count * input.Schools.Count * terms;
        if (size > limits.MaxRunSize)
        {
            throw new LimitExceededException(
                $"the run is {input.Areas.Count:N0} areas × {input.Schools.Count:N0} schools × {terms} terms = {size:N0}; " +
                $"the most this server runs is {limits.MaxRunSize:N0} (Limits:MaxRunSize)");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started (scenario '{ScenarioId}')")]
    private static partial void LogRunStarted(ILogger logger, Guid runId, string scenarioId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} is stored but its grain could not be told; the line finds it all the same")]
    private static partial void LogNotAnnounced(ILogger logger, Exception e, Guid runId);
}
