using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Planning.Client.Api;
using AreaMove = Planning.V1.AreaMove;
using ScenarioSettings = Planning.V1.ScenarioSettings;
using Planning.V1;

// What-if latency at Baodi size through gRPC on loopback (issue 12 §2: p95 ≤ 50 ms for up to 20 moved areas).
// Usage: Planning.WhatIfBench --address URL [--run ID --term T] [--calls 1000] [--max-moves 20] [--seed 12]
// The key comes from PLANNING_API_KEY. Without --run it makes a scenario of the Baodi plan (reassign, to 2021-spring),
// runs it, measures on 2021-spring and deletes the scenario with its run at the end.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
string Option(string name, string fallback) => options.TryGetValue(name, out var v) && v.Length > 0 ? v : fallback;
var address = new Uri(Option("address", "http://127.0.0.1:5081"));
if (!address.IsLoopback)
{
    Console.Error.WriteLine($"{address} is not loopback: the benchmark measures the loopback path only");
    return 2;
}
var calls = int.Parse(Option("calls", "1000"), CultureInfo.InvariantCulture);
var maxMoves = int.Parse(Option("max-moves", "20"), CultureInfo.InvariantCulture);
var random = new Random(int.Parse(Option("seed", "12"), CultureInfo.InvariantCulture));
var key = Environment.GetEnvironmentVariable("PLANNING_API_KEY") ?? "";

using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }.WithApiKey(address.ToString(), key));
var scenarios = new ScenarioService.ScenarioServiceClient(channel);
var simulation = new SimulationService.SimulationServiceClient(channel);
var planner = new PlannerService.PlannerServiceClient(channel);

string? made = null;
var runId = Option("run", "");
var term = Option("term", "2021-spring");
if (runId.Length == 0)
{
    var scenario = await scenarios.CreateScenarioAsync(new CreateScenarioRequest
    {
        Name = $"what-if benchmark {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}",
        Settings = new ScenarioSettings { HorizonTerm = term, Policy = Policy.Reassign },
    });
    made = scenario.Id;
    using var run = simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario.Id, Label = "what-if benchmark" });
    await foreach (var message in run.ResponseStream.ReadAllAsync())
    {
        runId = message.Progress?.RunId is { Length: > 0 } id ? id : runId;
    }
}

try
{
    var result = await simulation.GetTermResultAsync(new GetTermResultRequest { RunId = runId, Term = term });
    var schools = result.Schools.Where(s => s.Open && s.PrimaryTracks > 0 && s.Level == SchoolLevel.Primary).Select(s => s.SchoolCode).ToArray();
    var areas = result.Assignments.Where(a => a.SchoolPrimaryCode.Length > 0 && a.Students.Take(6).Sum() > 0).ToArray();
    Console.WriteLine($"run {runId}, {term}: {result.Assignments.Count} areas, {result.Schools.Count} schools; moves go to {schools.Length} primary schools");

    WhatIfRequest Request(int moves)
    {
        var request = new WhatIfRequest { RunId = runId, Term = term };
        foreach (var area in areas.OrderBy(_ => random.Next()).Take(moves))
        {
            request.Moves.Add(new AreaMove { AreaCode = area.AreaCode, SchoolCode = schools[random.Next(schools.Length)] });
        }
        return request;
    }

    var clock = Stopwatch.StartNew();
    await planner.WhatIfAsync(Request(1));
    Console.WriteLine($"first call (loads the term): {clock.Elapsed.TotalMilliseconds:0} ms");
    for (var i = 0; i < 50; i++)
    {
        await planner.WhatIfAsync(Request(random.Next(1, maxMoves + 1)));
    }

    var samples = new List<(int Moves, double Ms)>(calls);
    for (var i = 0; i < calls; i++)
    {
        var request = Request(random.Next(1, maxMoves + 1));
        clock.Restart();
        var answer = await planner.WhatIfAsync(request);
        samples.Add((request.Moves.Count, clock.Elapsed.TotalMilliseconds));
        if (answer.Areas.Count != request.Moves.Count)
        {
            throw new InvalidOperationException($"{answer.Areas.Count} areas answered for {request.Moves.Count} moves");
        }
    }

    static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    Console.WriteLine($"{"moves",-8} {"calls",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
    foreach (var (name, low, high) in new[] { ("1", 1, 1), ("2–5", 2, 5), ("6–10", 6, 10), ("11–20", 11, 20), ("all", 1, maxMoves) })
    {
        var sorted = samples.Where(s => s.Moves >= low && s.Moves <= high).Select(s => s.Ms).Order().ToList();
        if (sorted.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} {sorted.Count,6} {Percentile(sorted, 0.5),8:0.0} {Percentile(sorted, 0.95),8:0.0} {Percentile(sorted, 0.99),8:0.0} {sorted[^1],8:0.0}"));
        }
    }
    return 0;
}
finally
{
    if (made is not null)
    {
        await scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = made });
    }
}
