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

/// <summary>Stores runs' results and reads them back as planning.v1 messages.</summary>
public sealed class RunResults(PlanningDb db)
{
    /// <summary>This attempt's results are stored (a commit whose answer was lost).</summary>
    public async Task<bool> HasSucceededAsync(Guid runId, int attempt) =>
        await db.Runs.AnyAsync(r => r.Id == runId && r.Attempt == attempt && r.Status == RunStatus.Succeeded);

    /// <summary>
    /// Marks the run succeeded and writes every result row, in one transaction, if the run is still computing as
    /// this attempt; false, writing nothing, when it is not (a node given up on must not add a second set). When the
    /// dataset the run was made from (<paramref name="datasetGeneration"/>) was replaced meanwhile, nothing is written
    /// and <see cref="PreconditionFailedException"/> says why (the run's grain then ends it failed with that reason).
    /// </summary>
    public async Task<bool> SucceedAsync(Guid runId, int attempt, long datasetGeneration, SimulationResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await Dataset.DatasetGeneration.LockAndCheckAsync(db, datasetGeneration, ct) is { } replaced)
        {
            throw new PreconditionFailedException(replaced);
        }
        // The update locks the row until the commit: no other attempt or end can come in between.
        var owned = await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running && r.Attempt == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Succeeded)
                .SetProperty(r => r.Solver, SolverBuild.Name.Length <= RunRow.SolverLength ? SolverBuild.Name : SolverBuild.Name[..RunRow.SolverLength])
                .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow), ct) == 1;
        if (!owned)
        {
            return false;
        }
        await new RunWriter((NpgsqlConnection)db.Database.GetDbConnection()).WriteAsync(runId, result, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

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
            StartedBy = run.StartedBy,
            Node = run.Node,
            Attempts = run.Attempt,
            Solver = run.Solver,
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
