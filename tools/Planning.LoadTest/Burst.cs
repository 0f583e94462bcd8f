using System.Diagnostics;
using Grpc.Core;
using Planning.V1;

namespace Planning.LoadTest;

/// <summary>
/// N runs of one short scenario submitted at once (StartRun), spread round-robin over the nodes, each then watched
/// (WatchRun) to its end: runs per minute, each run's wait in line and computing time, and the CPU the server
/// processes spent, per run. See docs/LOAD-TEST.md, "Runs at once".
/// </summary>
public static class Burst
{
    private sealed record Outcome(Run Run, int NodeIndex);

    public static async Task<int> RunAsync(IReadOnlyList<PlanningClients> nodes, string scenarioId, LoadOptions o, CancellationToken ct)
    {
        var cpuBefore = ProcessCpu.Seconds(o.Pids);
        var machineBefore = ProcessCpu.MachineBusySeconds();
        var watch = Stopwatch.StartNew();
        var started = await Task.WhenAll(Enumerable.Range(0, o.Burst).Select(async i =>
        {
            var node = nodes[i % nodes.Count];
            var run = await node.Simulation.StartRunAsync(
                new RunSimulationRequest { ScenarioId = scenarioId, Label = $"burst {i + 1}" }, cancellationToken: ct);
            return (run.Id, Node: i % nodes.Count);
        }));
        var submitted = watch.Elapsed.TotalSeconds;
        // Watched from the node it was sent to (the run is computed wherever the line puts it), a few at a time:
        // a key may hold only Limits:MaxConcurrentStreamsPerKey streams. The times come from the runs themselves.
        using var streams = new SemaphoreSlim(o.Watchers);
        var outcomes = await Task.WhenAll(started.Select(async s =>
        {
            await streams.WaitAsync(ct);
            try
            {
                return new Outcome(await FinishedAsync(nodes[s.Node], s.Id, ct), s.Node);
            }
            finally
            {
                streams.Release();
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = ProcessCpu.Seconds(o.Pids) - cpuBefore;
        var machine = ProcessCpu.MachineBusySeconds() - machineBefore;

        var succeeded = outcomes.Count(r => r.Run.Status == RunStatus.Succeeded);
        var waits = outcomes.Select(r => (r.Run.StartedAt.ToDateTime() - r.Run.QueuedAt.ToDateTime()).TotalSeconds).Order().ToList();
        var computing = outcomes.Select(r => (r.Run.FinishedAt.ToDateTime() - r.Run.StartedAt.ToDateTime()).TotalSeconds).Order().ToList();
        var span = (outcomes.Max(r => r.Run.FinishedAt.ToDateTime()) - outcomes.Min(r => r.Run.QueuedAt.ToDateTime())).TotalSeconds;
        Console.WriteLine($"{o.Burst} runs submitted at once to {nodes.Count} node(s) in {submitted:0.00} s; "
                          + $"first queued → last finished {span:0.0} s (watched to the end after {seconds:0.0} s)");
        Console.WriteLine($"  succeeded {succeeded} of {o.Burst}; attempts > 1: {outcomes.Count(r => r.Run.Attempts > 1)}");
        Console.WriteLine($"  runs per minute: {succeeded / span * 60:0.0}");
        Console.WriteLine($"  wait in line (queued → started) s: p50 {Pct(waits, 0.5):0.0}, p95 {Pct(waits, 0.95):0.0}, max {waits[^1]:0.0}");
        Console.WriteLine($"  computing (started → finished) s: p50 {Pct(computing, 0.5):0.00}, p95 {Pct(computing, 0.95):0.00}, max {computing[^1]:0.00}");
        if (o.Pids.Count > 0)
        {
            Console.WriteLine($"  server CPU: {cpu:0.0} s over {o.Pids.Count} process(es) = {cpu / o.Burst:0.00} s per run "
                              + $"({cpu / span:0.00} cores on average)");
        }
        Console.WriteLine($"  whole machine busy: {machine:0.0} CPU-s in {seconds:0.0} s ({machine / seconds:0.00} of {Environment.ProcessorCount} cores; other users included)");
        foreach (var group in outcomes.GroupBy(r => r.Run.Node).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  computed on {group.Key}: {group.Count()} run(s)");
        }
        return succeeded == o.Burst ? 0 : 1;
    }

    private static async Task<Run> FinishedAsync(PlanningClients node, string runId, CancellationToken ct)
    {
        long after = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var call = node.Simulation.WatchRun(new WatchRunRequest { RunId = runId, AfterSequence = after }, cancellationToken: ct);
                await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                {
                    if (message.Finished is { } finished)
                    {
                        return finished;
                    }
                    after = Math.Max(after, message.Progress.Sequence);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 5)
            {
                // A watch that lost its connection resumes after the last event it saw.
            }
        }
    }

    private static double Pct(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>CPU seconds from /proc (Linux): of given processes, and of the whole machine.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(IEnumerable<int> pids) => pids.Sum(pid =>
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: state is field 3, utime 14 and stime 15 (1-based over the whole line).
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    });

    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToList();
        var idle = cpu[3] + cpu[4];
        return (cpu.Take(8).Sum() - idle) / TicksPerSecond;
    }
}
