using System.Diagnostics;
using Grpc.Core;
using Planning.Client.Api;
using Planning.LoadTest;

// Load test of a running planning server on loopback: concurrent readers of run results,
// catchments, schools and residential areas (with geometry) while simulations run; bounded in
// time and in calls, it stops by itself. See docs/LOAD-TEST.md.
var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (Environment.GetEnvironmentVariable(PlanningClientOptions.ApiKeyVariable) is not { Length: > 0 } apiKey)
{
    Console.Error.WriteLine($"{PlanningClientOptions.ApiKeyVariable} is not set: the load test needs a planner key (scripts/loadtest makes one).");
    return 2;
}
var floodKey = Environment.GetEnvironmentVariable(LoadOptions.FloodKeyVariable);
if (options.FloodLoops > 0 && floodKey is not { Length: > 0 })
{
    Console.Error.WriteLine($"--flood needs a second key in {LoadOptions.FloodKeyVariable}.");
    return 2;
}
using var clients = new PlanningClients(options.Address, apiKey);
using var flood = new PlanningClients(options.Address, floodKey is { Length: > 0 } ? floodKey : apiKey);
using var abort = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 600));
Targets targets;
try
{
    targets = await Targets.FindAsync(clients, options, abort.Token);
}
catch (RpcException e)
{
    Console.Error.WriteLine($"Cannot prepare the load test on {options.Address}: {e.StatusCode} {e.Status.Detail}");
    return 2;
}
if (options.Burst > 0)
{
    var nodes = options.Nodes.Count == 0 ? [clients] : options.Nodes.Select(n => new PlanningClients(n, apiKey)).ToList();
    try
    {
        return await Burst.RunAsync(nodes, targets.ScenarioId, options, abort.Token);
    }
    catch (RpcException e)
    {
        Console.Error.WriteLine($"The burst stopped: {e.StatusCode} {e.Status.Detail}; its runs go on in scenario {targets.ScenarioId}");
        return 1;
    }
    finally
    {
        try
        {
            await clients.Scenarios.DeleteScenarioAsync(new Planning.V1.DeleteScenarioRequest { Id = targets.ScenarioId });
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine($"Scenario {targets.ScenarioId} not deleted: {e.Status.Detail}");
        }
        foreach (var node in nodes.Where(n => n != clients))
        {
            node.Dispose();
        }
    }
}
if (targets.Terms.Count == 0)
{
    Console.Error.WriteLine($"No finished simulation run on {options.Address} to read; run scripts/demo first.");
    return 2;
}

if (options.Hold > 0)
{
    return await new Holder(clients, targets, options).RunAsync(abort.Token);
}
Console.WriteLine($"Load test of {options.Address}: {options.Seconds} s, {options.Readers} readers over "
                  + $"{targets.Terms.Select(t => t.RunId).Distinct().Count()} runs ({targets.Terms.Count} run terms), "
                  + $"{options.Simulations} simulation loops (2020-autumn → {options.Horizon}), at most {options.MaxCalls} reads");
var recorder = new Recorder();
var workers = new Workers(clients, targets, recorder, options);
var watch = Stopwatch.StartNew();
var stopAt = DateTime.UtcNow.AddSeconds(options.Seconds);
var tasks = Enumerable.Range(0, options.Readers).Select(i => Task.Run(() => workers.ReadAsync(i, stopAt, abort.Token)))
    .Concat(Enumerable.Range(0, options.Simulations).Select(_ => Task.Run(() => workers.SimulateAsync(stopAt, abort.Token))))
    .Concat(Enumerable.Range(0, options.FloodLoops).Select(i => Task.Run(() => workers.FloodAsync(flood, i, stopAt, abort.Token))))
    .ToList();
await Task.WhenAll(tasks);
var readSeconds = Math.Min(watch.Elapsed.TotalSeconds, options.Seconds);
var totalSeconds = watch.Elapsed.TotalSeconds;

try
{
    if (targets.ScenarioId.Length > 0)
    {
        await clients.Scenarios.DeleteScenarioAsync(new Planning.V1.DeleteScenarioRequest { Id = targets.ScenarioId });
    }
}
catch (RpcException e)
{
    recorder.Error("DeleteScenario", e.StatusCode.ToString(), e.Status.Detail);
}

Console.WriteLine();
Console.WriteLine(options.Simulations == 0
    ? $"Reads measured over {readSeconds:0.0} s; no simulations."
    : $"Reads measured over {readSeconds:0.0} s; simulations ran until {totalSeconds:0.0} s (the last ones finish after the stop time).");
Console.WriteLine();
Console.Write(Report.Table(recorder, readSeconds, totalSeconds));
Console.WriteLine();
if (options.Simulations > 0)
{
    var runs = recorder.Latencies.TryGetValue("RunSimulation", out var done) ? done.Count : 0;
    Console.WriteLine($"Runs that waited in line for a free place: {recorder.WaitedInLine} of {runs}");
}
if (options.FloodLoops > 0)
{
    Console.WriteLine($"Flooding key's calls refused (RESOURCE_EXHAUSTED): {recorder.Refused}; " +
                      $"cut off with their connection (UNAVAILABLE): {recorder.CutOff}");
}
if (recorder.ErrorCount == 0)
{
    Console.WriteLine("Unexpected errors: 0");
    return 0;
}
Console.WriteLine($"Unexpected errors: {recorder.ErrorCount}");
foreach (var (key, count) in recorder.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {key}: {count}");
}
foreach (var example in recorder.Examples)
{
    Console.WriteLine($"  e.g. {example}");
}
return 1;
