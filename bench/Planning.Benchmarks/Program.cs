using System.Diagnostics;
using System.Globalization;
using Planning.Benchmarks;
using Planning.Engine.Results;
using Planning.Engine.Simulation;

// Usage: Planning.Benchmarks [all | CASE...]. Each case runs in a child process of its own, so that
// the peak working set it reports is that case's alone. BENCH_VERBOSE=1 prints each term's solve
// stats to stderr; BENCH_CPSAT_SECONDS changes the CP-SAT limit.
if (args is ["--case", var only])
{
    Console.WriteLine(Run(BenchmarkCase.All.Single(c => c.Name == only)));
    return;
}

var names = args.Length == 0 || args is ["all"] ? BenchmarkCase.All.Select(c => c.Name).ToArray() : args;
Console.WriteLine("| case | areas | schools | terms | policy | area-levels solved (max/term) | re-decided by CP-SAT (max/term) | solve s (total) | solve s (worst term) | run s (wall) | run s (CPU) | worst gap | mean gap | violations last term | allocated MB | peak working set MB | load avg |");
Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var name in names)
{
    using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--case", name]) { RedirectStandardOutput = true })!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    Console.WriteLine(line);
}

static string Run(BenchmarkCase c)
{
    var input = SyntheticDistrict.Generate(c.Areas, c.Schools, seed: 2020, c.Parameters);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = Simulator.Run(input);
    var seconds = clock.Elapsed.TotalSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
    {
        foreach (var t in result.Terms)
        {
            Console.Error.WriteLine($"{t.Term} {t.Solve} violations={t.Violations.Count} moved={t.Movement.Moved} mean={t.Distance.MeanMetres:F0}");
        }
    }

    var solves = result.Terms.Select(t => t.Solve).ToList();
    var gaps = solves.Where(s => s.Areas > 0).Select(s => s.Gap).DefaultIfEmpty(0).ToList();
    var allocatedMb = GC.GetTotalAllocatedBytes(precise: true) / 1048576.0;
    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    var last = result.Terms[^1].Violations;
    return string.Create(CultureInfo.InvariantCulture,
        $"| {c.Name} | {c.Areas:N0} | {c.Schools:N0} | {result.Terms.Count} | {c.Policy} | {solves.Max(s => s.Areas):N0} | {solves.Max(s => s.AreasReDecided):N0} | {solves.Sum(s => s.Seconds):F2} | {solves.Max(s => s.Seconds):F2} | {seconds:F2} | {cpu:F2} | {gaps.Max():P2} | {gaps.Average():P2} | {Describe(last)} | {allocatedMb:N0} | {peakMb:N0} | {LoadAverage()} |");
}

static string Describe(IReadOnlyList<Violation> violations) =>
    violations.Count == 0 ? "0" : string.Join(", ", violations.GroupBy(v => v.Kind).Select(g => $"{g.Count()} {g.Key}"));

// The machine may be shared; the 1-minute load average tells how much (Linux only).
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
