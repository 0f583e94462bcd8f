using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>
    /// Runs a scenario (empty id: the base data) and yields progress, then the finished run.
    /// Cancelling stops the run on the server, which stores it as cancelled with no results (the call asks for
    /// cancel_on_disconnect: since issue 16 a run otherwise outlives its caller).
    /// </summary>
    /// <param name="settings">When given, replaces the scenario's settings for this run only.</param>
    public IAsyncEnumerable<RunUpdate> RunSimulationAsync(
        string scenarioId = "", RunMode mode = RunMode.Redistribute, string label = "", CancellationToken ct = default,
        ScenarioSettings? settings = null)
    {
        var request = new V1.RunSimulationRequest
        {
            ScenarioId = scenarioId, Mode = mode, Label = label, Settings = settings is null ? null : ProtoMapping.ToProto(settings),
            CancelOnDisconnect = true,
        };
        return ReadAllAsync(_simulation.RunSimulation(request, StreamOptions(ct)), ct)
            .Select(ProtoMapping.ToRecord);
    }

    /// <summary>A run with its summary; NOT_FOUND when unknown.</summary>
    public Task<Run> GetRunAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.GetRunAsync(new V1.GetRunRequest { Id = id }, o), ProtoMapping.ToRecord, ct);

    /// <summary>One page of runs, newest first, optionally of one scenario.</summary>
    public Task<Page<Run>> ListRunsAsync(string scenarioId = "", PageRequest? page = null, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.ListRunsAsync(
                new V1.ListRunsRequest { ScenarioId = scenarioId, Page = ProtoMapping.ToProto(page) }, o),
            r => ProtoMapping.ToPage(r.Runs.Select(ProtoMapping.ToRecord), r.Page), ct);

    /// <summary>Results of one run in one term.</summary>
    public Task<TermResult> GetTermResultAsync(string runId, string term, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.GetTermResultAsync(new V1.GetTermResultRequest { RunId = runId, Term = term }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Catchment polygons of a run, term and part as a GeoJSON FeatureCollection.</summary>
    public Task<Catchments> GetCatchmentsAsync(string runId, string term, SchoolPart part, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.GetCatchmentsAsync(
                new V1.GetCatchmentsRequest { RunId = runId, Term = term, Part = part }, o),
            r => new Catchments(r.FeatureCollectionGeojson, r.FeatureCount), ct);

    /// <summary>Two runs side by side, term by term.</summary>
    public Task<IReadOnlyList<TermComparison>> CompareRunsAsync(string runA, string runB, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.CompareRunsAsync(new V1.CompareRunsRequest { RunA = runA, RunB = runB }, o),
            r => (IReadOnlyList<TermComparison>)[.. r.Terms.Select(ProtoMapping.ToRecord)], ct);
}
