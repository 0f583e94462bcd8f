using Grpc.Core;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>Runs a simulation through gRPC the way a client does, for the simulation tests.</summary>
public sealed class RunCalls(Grpc.Net.Client.GrpcChannel channel)
{
    public SimulationService.SimulationServiceClient Simulation { get; } = new(channel);

    public ScenarioService.ScenarioServiceClient Scenarios { get; } = new(channel);

    /// <summary>A reassigning scenario of the Baodi plan up to <paramref name="horizon"/>.</summary>
    public async Task<string> ScenarioAsync(string horizon = "2022-autumn", string name = "计划 2020–2022") =>
        (await Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = name,
            // The action plan redistributes enrolled pupils too (合理分流) when the new buildings open.
            Settings = new ScenarioSettings { StartTerm = "2020-autumn", HorizonTerm = horizon, Policy = Policy.Reassign, TimeLimitSeconds = 5 },
        })).Id;

    /// <summary>Runs to the end: every progress message (each also handed to <paramref name="onProgress"/>) and the finished run.</summary>
    public async Task<(List<RunProgress> Progress, Run Finished)> RunAsync(
        RunSimulationRequest request, CancellationToken ct = default, Action<RunProgress>? onProgress = null)
    {
        using var call = Simulation.RunSimulation(request, cancellationToken: ct);
        var progress = new List<RunProgress>();
        Run? finished = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
        {
            if (message.Progress is { } p)
            {
                progress.Add(p);
                onProgress?.Invoke(p);
            }
            finished ??= message.Finished;
        }
        return (progress, finished ?? throw new Xunit.Sdk.XunitException("the stream ended without a summary"));
    }

    /// <summary>Watches a run (WatchRun) to its end: every progress message after <paramref name="after"/> and the finished run.</summary>
    public async Task<(List<RunProgress> Progress, Run Finished)> WatchAsync(string runId, long after = 0, CancellationToken ct = default)
    {
        using var call = Simulation.WatchRun(new WatchRunRequest { RunId = runId, AfterSequence = after }, cancellationToken: ct);
        var progress = new List<RunProgress>();
        Run? finished = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
        {
            if (message.Progress is { } p)
            {
                progress.Add(p);
            }
            finished ??= message.Finished;
        }
        return (progress, finished ?? throw new Xunit.Sdk.XunitException("the watch ended without the finished run"));
    }

    /// <summary>Polls until the run has ended (neither queued nor running); calls may fail UNAVAILABLE meanwhile (a database coming back).</summary>
    public async Task<Run> WaitUntilEndedAsync(string runId, int seconds = 60)
    {
        RpcException? last = null;
        for (var i = 0; i < seconds * 10; i++)
        {
            try
            {
                var run = await Simulation.GetRunAsync(new GetRunRequest { Id = runId });
                if (run.Status is not (RunStatus.Running or RunStatus.Queued))
                {
                    return run;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                last = e;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"run {runId} still going after {seconds} s (last failure: {last?.Status})");
    }
}
