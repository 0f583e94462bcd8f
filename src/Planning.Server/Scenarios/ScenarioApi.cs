using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Scenarios;
using Planning.V1;

namespace Planning.Server.Scenarios;

[Authorize(Policy = Roles.Viewer)]
public sealed class ScenarioApi(PlanningDb db, ScenarioStore store, AuditLog audit) : ScenarioService.ScenarioServiceBase
{
    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> CreateScenario(CreateScenarioRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        CheckName(request.Name, request.Description);
        await store.InputAsync(request.Settings, request.Changes, ct); // validates settings and changes against the data
        var row = new ScenarioRow
        {
            Id = Guid.NewGuid(),
            Name = request.Name.Trim(),
            Description = request.Description,
            SettingsJson = ScenarioStore.SettingsJson(request.Settings),
            ChangesJson = ScenarioStore.ChangesJson(request.Changes),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Scenarios.Add(row);
        audit.Add("scenario.create", $"scenario {row.Id}", new { scenario = AuditLog.Proto(ScenarioStore.ToProto(row)) });
        await db.SaveChangesAsync(ct);
        return ScenarioStore.ToProto(row); // after saving: with the row's version
    }

    public override async Task<Scenario> GetScenario(GetScenarioRequest request, ServerCallContext context) =>
        ScenarioStore.ToProto(await store.FindAsync(request.Id, tracking: false, context.CancellationToken, "id"));

    public override async Task<ListScenariosResponse> ListScenarios(ListScenariosRequest request, ServerCallContext context)
    {
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        problems.ThrowIfAny();
        var total = await db.Scenarios.CountAsync(context.CancellationToken);
        var rows = await db.Scenarios.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip(offset).Take(size).ToListAsync(context.CancellationToken);
        var response = new ListScenariosResponse { Page = Paging.Response(offset, size, total) };
        response.Scenarios.AddRange(rows.Select(ScenarioStore.ToProto));
        return response;
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> AddScenarioChanges(AddScenarioChangesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var row = await FindCurrentAsync(request.ScenarioId, request.Version, ct);
        var stored = ScenarioStore.ChangesOf(row).ToList();
        var changes = stored.Concat(request.Changes).ToList();
        try
        {
            return await ReplaceChangesAsync(row, request.Version, changes, "scenario.change", new
            {
                name = row.Name,
                added = request.Changes.Select(c => AuditLog.Proto(c)).ToList(),
            }, ct);
        }
        catch (ValidationFailedException e)
        {
            // The checks number the scenario's changes after the addition; a violation of an added change names
            // it as the request does (changes[k]), one of a change already stored as scenario.changes[i].
            throw new ValidationFailedException(
                [.. e.Problems.Select(p => new FieldProblem(RequestNames(p.Field, stored.Count), RequestNames(p.Description, stored.Count)))], e.Total);
        }
    }

    private static string RequestNames(string text, int stored) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<![\w.])changes\[(\d+)\]", m =>
        {
            var i = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return i >= stored ? $"changes[{i - stored}]" : $"scenario.changes[{i}]";
        });

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> RemoveScenarioChanges(RemoveScenarioChangesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var row = await FindCurrentAsync(request.ScenarioId, request.Version, ct);
        var changes = ScenarioStore.ChangesOf(row).ToList();
        var problems = new Problems();
        if (request.Indices.Count == 0)
        {
            problems.Add("indices", "name at least one change to remove");
        }
        var seen = new HashSet<int>();
        for (var i = 0; i < request.Indices.Count; i++)
        {
            var index = request.Indices[i];
            if (!IsChangeIndex(problems, $"indices[{i}]", index, changes.Count))
            {
                continue;
            }
            if (!seen.Add(index))
            {
                problems.Add($"indices[{i}]", $"change {index} is named twice");
            }
        }
        problems.ThrowIfAny();
        var removed = seen.Order().Select(i => AuditLog.Proto(changes[i])).ToList();
        var kept = changes.Where((_, i) => !seen.Contains(i)).ToList();
        return await ReplaceChangesAsync(row, request.Version, kept, "scenario.change.remove", new
        {
            name = row.Name, indices = seen.Order().ToList(), removed,
        }, ct);
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> MoveScenarioChange(MoveScenarioChangeRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var row = await FindCurrentAsync(request.ScenarioId, request.Version, ct);
        var changes = ScenarioStore.ChangesOf(row).ToList();
        var problems = new Problems();
        IsChangeIndex(problems, "from_index", request.FromIndex, changes.Count);
        IsChangeIndex(problems, "to_index", request.ToIndex, changes.Count);
        problems.ThrowIfAny();
        var moved = changes[request.FromIndex];
        changes.RemoveAt(request.FromIndex);
        changes.Insert(request.ToIndex, moved);
        return await ReplaceChangesAsync(row, request.Version, changes, "scenario.change.move", new
        {
            name = row.Name, from_index = request.FromIndex, to_index = request.ToIndex, change = AuditLog.Proto(moved),
        }, ct);
    }

    /// <summary>Whether <paramref name="index"/> names one of a scenario's <paramref name="count"/> changes; adds the problem when not.</summary>
    private static bool IsChangeIndex(Problems problems, string field, int index, int count)
    {
        if (index >= 0 && index < count)
        {
            return true;
        }
        problems.Add(field, count == 0
            ? $"{index} is not a change of the scenario: it has none"
            : $"{index} is not a change of the scenario (it has {count}: 0 to {count - 1})");
        return false;
    }

    /// <summary>The scenario, when <paramref name="version"/> is still its version; ABORTED otherwise.</summary>
    private async Task<ScenarioRow> FindCurrentAsync(string id, ulong version, CancellationToken ct)
    {
        var row = await store.FindAsync(id, tracking: true, ct);
        return row.Version == version ? row : throw new VersionConflictException($"scenario {row.Id}");
    }

    /// <summary>Checks the scenario with <paramref name="changes"/> as a whole, then stores them with an audit event, or nothing.</summary>
    private async Task<Scenario> ReplaceChangesAsync(
        ScenarioRow row, ulong version, IReadOnlyList<ScenarioChange> changes, string action, object details, CancellationToken ct)
    {
        await store.InputAsync(ScenarioStore.ToProto(row).Settings, changes, ct);
        row.ChangesJson = ScenarioStore.ChangesJson(changes);
        db.Entry(row).Property(r => r.Version).OriginalValue = (uint)version;
        audit.Add(action, $"scenario {row.Id}", details);
        await db.SaveChangesAsync(ct);
        return ScenarioStore.ToProto(row);
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> UpdateScenarioSettings(UpdateScenarioSettingsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var row = await store.FindAsync(request.ScenarioId, tracking: true, ct);
        if (row.Version != request.Version)
        {
            throw new VersionConflictException($"scenario {row.Id}");
        }
        await store.InputAsync(request.Settings, ScenarioStore.ChangesOf(row), ct);
        var before = AuditLog.Proto(ScenarioStore.ToProto(row).Settings);
        row.SettingsJson = ScenarioStore.SettingsJson(request.Settings);
        db.Entry(row).Property(r => r.Version).OriginalValue = (uint)request.Version;
        audit.Add("scenario.settings", $"scenario {row.Id}", new
        {
            name = row.Name, before, after = AuditLog.Proto(request.Settings),
        });
        await db.SaveChangesAsync(ct);
        return ScenarioStore.ToProto(row);
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<DeleteScenarioResponse> DeleteScenario(DeleteScenarioRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var row = await store.FindAsync(request.Id, tracking: true, ct, "id");
        // Its runs go with it; one still going would lose its row under it. The row lock makes a run
        // that starts meanwhile wait (its foreign key check) until this is decided.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM scenarios WHERE id = {row.Id} FOR UPDATE", ct);
        var going = await db.Runs.Where(r => r.ScenarioId == row.Id).CountAsync(RunRow.Unfinished, ct);
        if (going > 0)
        {
            throw new PreconditionFailedException(
                $"scenario {row.Id} has {going} run(s) going or waiting; let them finish or cancel them, then delete it");
        }
        db.Scenarios.Remove(row);
        audit.Add("scenario.delete", $"scenario {row.Id}", new { scenario = AuditLog.Proto(ScenarioStore.ToProto(row)) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new DeleteScenarioResponse();
    }

    private static void CheckName(string name, string description)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            problems.Add("name", "is required, at most 100 characters, without control characters");
        }
        if (description.Length > 2000)
        {
            problems.Add("description", "must be at most 2,000 characters");
        }
        problems.ThrowIfAny();
    }
}
