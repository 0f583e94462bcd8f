using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO.Converters;
using Npgsql;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Simulation;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>Stores runs and reads their results back as planning.v1 messages.</summary>
public sealed class RunResults(PlanningDb db, Access.AuditLog audit)
{
    /// <summary>Stores a new run, computing at once or waiting in line.</summary>
    public async Task<RunRow> StartAsync(
        Guid runId, Guid? scenarioId, RunMode mode, string label, RunSnapshot snapshot, bool queued, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var run = new RunRow
        {
            Id = runId,
            ScenarioId = scenarioId,
            Mode = mode,
            Label = label,
            Status = queued ? RunStatus.Queued : RunStatus.Running,
            QueuedAt = now,
            StartedAt = queued ? null : now,
            SnapshotJson = snapshot.ToJson(),
            SnapshotFormat = snapshot.Format,
        };
        db.Runs.Add(run);
        audit.Add("run.start", $"run {run.Id}", new { scenario_id = scenarioId, mode = mode.ToString(), label });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            throw new NotFoundException($"scenario {scenarioId} (deleted as the run started)");
        }
        return run;
    }

    public async Task<bool> HasSucceededAsync(Guid runId) =>
        await db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded);

    /// <summary>A queued run's turn has come.</summary>
    public async Task ComputingAsync(Guid runId, CancellationToken ct) =>
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Running)
            .SetProperty(r => r.StartedAt, DateTimeOffset.UtcNow), ct);

    /// <summary>
    /// Writes every result row and marks the run succeeded, in one transaction, unless the dataset the
    /// run was made from (<paramref name="datasetGeneration"/>) was replaced meanwhile: then nothing is
    /// written, the run ends failed with the reason, and <see cref="PreconditionFailedException"/> says why.
    /// </summary>
    public async Task SucceedAsync(Guid runId, long datasetGeneration, SimulationResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await Dataset.DatasetGeneration.LockAndCheckAsync(db, datasetGeneration, ct) is { } replaced)
        {
            await EndWithoutResultsAsync(db, runId, RunStatus.Failed, replaced, ct);
            await transaction.CommitAsync(ct);
            throw new PreconditionFailedException(replaced);
        }
        await new RunWriter((NpgsqlConnection)db.Database.GetDbConnection()).WriteAsync(runId, result, ct);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Succeeded)
            .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Marks a run that ended without results.</summary>
    public static async Task EndWithoutResultsAsync(PlanningDb db, Guid runId, RunStatus status, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow), ct);
    }

    /// <summary>Runs left running or queued by a server that stopped can never finish: mark them interrupted.</summary>
    public static async Task MarkInterruptedAsync(PlanningDb db, CancellationToken ct = default) =>
        await db.Runs.Where(RunRow.Unfinished).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Interrupted)
            .SetProperty(r => r.Error, "the server stopped while the run was going or waiting; no results were kept — run it again")
            .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow), ct);

    /// <summary>The run <paramref name="id"/>; <paramref name="field"/> names the request field in an INVALID_ARGUMENT.</summary>
    public async Task<RunRow> FindAsync(string id, CancellationToken ct, string field = "run_id")
    {
        var guid = Checks.Id(id, field, "run");
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == guid, ct)
               ?? throw new NotFoundException($"run {id}");
    }

    public async Task<RunRow> FindSucceededAsync(string id, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        return run.Status == RunStatus.Succeeded
            ? run
            : throw new PreconditionFailedException($"run {id} has no results: it is {run.Status.ToString().ToLowerInvariant()}");
    }

    public async Task<V1.Run> ToProtoAsync(RunRow run, CancellationToken ct) => (await ToProtoAsync([run], ct))[0];

    /// <summary>Runs with their per-term summaries, read in one query.</summary>
    public async Task<IReadOnlyList<V1.Run>> ToProtoAsync(IReadOnlyList<RunRow> runs, CancellationToken ct)
    {
        var ids = runs.Select(r => r.Id).ToList();
        var terms = (await db.RunTerms.AsNoTracking().Where(t => ids.Contains(t.RunId)).OrderBy(t => t.TermIndex).ToListAsync(ct))
            .ToLookup(t => t.RunId);
        return [.. runs.Select(run => ToProto(run, terms[run.Id].ToList()))];
    }

    private static V1.Run ToProto(RunRow run, List<RunTermRow> terms)
    {
        var proto = new V1.Run
        {
            Id = run.Id.ToString(),
            ScenarioId = run.ScenarioId?.ToString() ?? "",
            Mode = run.Mode == RunMode.KeepCurrent ? V1.RunMode.KeepCurrent : V1.RunMode.Redistribute,
            Label = run.Label,
            Status = run.Status switch
            {
                RunStatus.Running => V1.RunStatus.Running,
                RunStatus.Succeeded => V1.RunStatus.Succeeded,
                RunStatus.Cancelled => V1.RunStatus.Cancelled,
                RunStatus.Failed => V1.RunStatus.Failed,
                RunStatus.Queued => V1.RunStatus.Queued,
                _ => V1.RunStatus.Interrupted,
            },
            Error = run.Error,
            QueuedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(run.QueuedAt),
        };
        if (run.StartedAt is { } started)
        {
            proto.StartedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started);
        }
        if (run.FinishedAt is { } finished)
        {
            proto.FinishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(finished);
        }
        proto.Terms.AddRange(terms.Select(t => t.Term));
        proto.Summaries.AddRange(terms.Select(Summary));
        return proto;
    }

    public static V1.TermSummary Summary(RunTermRow t)
    {
        var summary = new V1.TermSummary
        {
            Term = t.Term,
            Students = t.Students,
            SchoolsOverSize = t.SchoolsOverSize,
            GradesOverClassLimit = t.GradesOverClassLimit,
            SeatsShort = t.SeatsShort,
            StudentsMoved = t.StudentsMoved,
            MeanDistanceM = t.MeanDistanceM,
            MaxDistanceM = t.MaxDistanceM,
            OptimalityGap = t.OptimalityGap,
            Enclaves = t.Enclaves,
            ConstraintIssues = t.ConstraintIssues,
            Solve = new V1.SolveSummary
            {
                Method = t.SolveMethod,
                Objective = t.Objective,
                LowerBound = t.LowerBound,
                BoundKind = t.BoundKind,
                BoundMethod = t.BoundMethod,
                SolveSeconds = t.SolveSeconds,
                BoundSeconds = t.BoundSeconds,
                OverflowPupils = t.OverflowPupils,
                MinimumOverflowBound = t.MinimumOverflowBound,
            },
        };
        summary.Solve.Breakdown.AddRange(BreakdownRecords.ToProto(t.BreakdownJson));
        return summary;
    }

    public async Task<RunTermRow> TermAsync(Guid runId, string term, CancellationToken ct)
    {
        Checks.TermOf(term, "term");
        return await db.RunTerms.AsNoTracking().FirstOrDefaultAsync(t => t.RunId == runId && t.Term == term, ct)
            ?? throw new NotFoundException($"term \"{term}\" in run {runId}");
    }
}
