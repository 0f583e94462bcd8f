using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>Creates a scenario; INVALID_ARGUMENT with every violation (unknown codes, bad terms, …).</summary>
    public Task<Scenario> CreateScenarioAsync(
        string name, string description = "", ScenarioSettings? settings = null, IEnumerable<ScenarioChange>? changes = null,
        CancellationToken ct = default)
    {
        var request = new V1.CreateScenarioRequest
        {
            Name = name,
            Description = description,
            Settings = ProtoMapping.ToProto(settings ?? new ScenarioSettings()),
        };
        request.Changes.AddRange((changes ?? []).Select(ProtoMapping.ToProto));
        return UnaryAsync(o => _scenarios.CreateScenarioAsync(request, o), ProtoMapping.ToRecord, ct);
    }

    /// <summary>A scenario by id; NOT_FOUND when unknown.</summary>
    public Task<Scenario> GetScenarioAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _scenarios.GetScenarioAsync(new V1.GetScenarioRequest { Id = id }, o), ProtoMapping.ToRecord, ct);

    /// <summary>One page of scenarios, newest first.</summary>
    public Task<Page<Scenario>> ListScenariosAsync(PageRequest? page = null, CancellationToken ct = default) =>
        UnaryAsync(o => _scenarios.ListScenariosAsync(new V1.ListScenariosRequest { Page = ProtoMapping.ToProto(page) }, o),
            r => ProtoMapping.ToPage(r.Scenarios.Select(ProtoMapping.ToRecord), r.Page), ct);

    /// <summary>Appends changes (all or none); ABORTED when <paramref name="version"/> is stale.</summary>
    public Task<Scenario> AddScenarioChangesAsync(
        string scenarioId, IEnumerable<ScenarioChange> changes, ulong version, CancellationToken ct = default)
    {
        var request = new V1.AddScenarioChangesRequest { ScenarioId = scenarioId, Version = version };
        request.Changes.AddRange(changes.Select(ProtoMapping.ToProto));
        return UnaryAsync(o => _scenarios.AddScenarioChangesAsync(request, o), ProtoMapping.ToRecord, ct);
    }

    /// <summary>Removes changes by index (all or none; undoes a pin or lock); ABORTED when <paramref name="version"/> is stale.</summary>
    public Task<Scenario> RemoveScenarioChangesAsync(
        string scenarioId, IEnumerable<int> indices, ulong version, CancellationToken ct = default)
    {
        var request = new V1.RemoveScenarioChangesRequest { ScenarioId = scenarioId, Version = version };
        request.Indices.AddRange(indices);
        return UnaryAsync(o => _scenarios.RemoveScenarioChangesAsync(request, o), ProtoMapping.ToRecord, ct);
    }

    /// <summary>Moves one change to another position; ABORTED when <paramref name="version"/> is stale.</summary>
    public Task<Scenario> MoveScenarioChangeAsync(
        string scenarioId, int fromIndex, int toIndex, ulong version, CancellationToken ct = default) =>
        UnaryAsync(o => _scenarios.MoveScenarioChangeAsync(new V1.MoveScenarioChangeRequest
            {
                ScenarioId = scenarioId, FromIndex = fromIndex, ToIndex = toIndex, Version = version,
            }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Replaces the settings; ABORTED when <paramref name="version"/> is stale.</summary>
    public Task<Scenario> UpdateScenarioSettingsAsync(
        string scenarioId, ScenarioSettings settings, ulong version, CancellationToken ct = default) =>
        UnaryAsync(o => _scenarios.UpdateScenarioSettingsAsync(new V1.UpdateScenarioSettingsRequest
            {
                ScenarioId = scenarioId,
                Settings = ProtoMapping.ToProto(settings),
                Version = version,
            }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Deletes a scenario with its runs.</summary>
    public Task DeleteScenarioAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _scenarios.DeleteScenarioAsync(new V1.DeleteScenarioRequest { Id = id }, o), _ => true, ct);
}
