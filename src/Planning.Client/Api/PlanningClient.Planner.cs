using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>The consequences of <paramref name="moves"/> in one term of a finished run; nothing is stored.</summary>
    public Task<WhatIfResult> WhatIfAsync(string runId, string term, IEnumerable<AreaMove> moves, CancellationToken ct = default)
    {
        var request = new V1.WhatIfRequest { RunId = runId, Term = term };
        request.Moves.AddRange(moves.Select(ProtoMapping.ToProto));
        return UnaryAsync(o => _planner.WhatIfAsync(request, o), ProtoMapping.ToRecord, ct);
    }

    /// <summary>
    /// Saves moves as pins from <paramref name="term"/> on: into a new scenario named <paramref name="name"/> (the
    /// run's scenario copied), or appended to <paramref name="scenarioId"/> at <paramref name="version"/>.
    /// </summary>
    public Task<Scenario> SaveMovesAsPinsAsync(
        string runId, string term, IEnumerable<AreaMove> moves, string name = "", string description = "",
        string scenarioId = "", ulong version = 0, CancellationToken ct = default)
    {
        var request = new V1.SaveMovesAsPinsRequest
        {
            RunId = runId, Term = term, Name = name, Description = description, ScenarioId = scenarioId, Version = version,
        };
        request.Moves.AddRange(moves.Select(ProtoMapping.ToProto));
        return UnaryAsync(o => _planner.SaveMovesAsPinsAsync(request, o), ProtoMapping.ToRecord, ct);
    }

    /// <summary>Runs a scenario once per value of <paramref name="setting"/>; yields progress, then the table.</summary>
    public IAsyncEnumerable<SweepUpdate> SweepScenarioAsync(
        string scenarioId, SweepSetting setting, IEnumerable<double> values, string label = "", CancellationToken ct = default)
    {
        var request = new V1.SweepScenarioRequest { ScenarioId = scenarioId, Setting = setting, Label = label };
        request.Values.AddRange(values);
        return ReadAllAsync(_planner.SweepScenario(request, StreamOptions(ct)), ct).Select(ProtoMapping.ToRecord);
    }
}
