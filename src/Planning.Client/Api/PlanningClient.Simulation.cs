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

    /// <summary>
    /// Stores a run and returns it at once, queued; it is computed on whichever node has a free place and
    /// outlives this call. Follow it with <see cref="WatchRunAsync"/>. RESOURCE_EXHAUSTED when the line is full.
    /// </summary>
    /// <param name="settings">When given, replaces the scenario's settings for this run only.</param>
    public Task<Run> StartRunAsync(
        string scenarioId = "", RunMode mode = RunMode.Redistribute, string label = "", CancellationToken ct = default,
        ScenarioSettings? settings = null) =>
        UnaryAsync(o => _simulation.StartRunAsync(new V1.RunSimulationRequest
            {
                ScenarioId = scenarioId, Mode = mode, Label = label, Settings = settings is null ? null : ProtoMapping.ToProto(settings),
            }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>
    /// A run's progress from any node: every event after <paramref name="afterSequence"/> (0: from the start), then
    /// the new ones, and last the finished run whatever its end. Cancelling stops the watching, never the run; to
    /// resume, pass the last <see cref="RunProgress.Sequence"/> seen.
    /// </summary>
    public IAsyncEnumerable<RunUpdate> WatchRunAsync(string runId, long afterSequence = 0, CancellationToken ct = default) =>
        ReadAllAsync(_simulation.WatchRun(new V1.WatchRunRequest { RunId = runId, AfterSequence = afterSequence }, StreamOptions(ct)), ct)
            .Select(ProtoMapping.ToRecord);

    /// <summary>
    /// Cancels a run from any node and returns it once the cancel has taken effect (cancelled, or succeeded when it
    /// was too late). PERMISSION_DENIED for another planner's run.
    /// </summary>
    public Task<Run> CancelRunAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.CancelRunAsync(new V1.CancelRunRequest { Id = id }, o), ProtoMapping.ToRecord, ct);

    /// <summary>
    /// Deletes a finished run and its results. PERMISSION_DENIED for another planner's run; FAILED_PRECONDITION
    /// while it waits or computes (cancel it first).
    /// </summary>
    public Task DeleteRunAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.DeleteRunAsync(new V1.DeleteRunRequest { Id = id }, o), _ => true, ct);

    /// <summary>A run with its summary; NOT_FOUND when unknown.</summary>
    public Task<Run> GetRunAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.GetRunAsync(new V1.GetRunRequest { Id = id }, o), ProtoMapping.ToRecord, ct);

    /// <summary>
    /// The resource additions a run was computed with, as frozen when it started (a later change to its scenario is
    /// not the run's); none for a run of the base data. NOT_FOUND when unknown.
    /// </summary>
    public Task<IReadOnlyList<RunAddition>> GetRunAdditionsAsync(string runId, CancellationToken ct = default) =>
        UnaryAsync(o => _simulation.GetRunAdditionsAsync(new V1.GetRunAdditionsRequest { RunId = runId }, o),
            r => (IReadOnlyList<RunAddition>)[.. r.Additions.Select(ProtoMapping.ToRecord)], ct);

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
