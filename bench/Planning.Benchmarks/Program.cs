using System.Diagnostics;
using System.Globalization;
using Planning.Benchmarks;
using Planning.Engine.Results;
using Planning.Engine.Simulation;

// Usage: Planning.Benchmarks [all | CASE... | --flow-anatomy CASE | --same-instances CASE Option=value... | --try-prices CASE FACTOR...]. Each case runs in a child process of its own, so that
// the peak working set it reports is that case's alone. BENCH_VERBOSE=1 prints each term's solve
// stats to stderr, BENCH_PHASES=1 the CPU seconds of each solver phase per term; BENCH_CPSAT_SECONDS changes the CP-SAT limit; BENCH_MIP_SECONDS the MIP peer's.
// BENCH_MIP_NODES and BENCH_MAX_MIP_AREAS change the engine's own MIP step (SolverOptions.MipNodes, MaxMipAreas).
const string PeerMark = "peer:";
if (args is ["--flow-anatomy", var anatomyCase])
{
    FlowAnatomyOf(BenchmarkCase.Named(anatomyCase));
    return;
}

if (args is ["--same-instances", var sameCase, .. var changes])
{
    SameInstances.Run(BenchmarkCase.Named(sameCase), changes);
    return;
}

if (args is ["--try-prices", var priceCase, .. var factors])
{
    TryPrices.Run(BenchmarkCase.Named(priceCase), factors.Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToList());
    return;
}

if (args is ["--case", var only])
{
    Run(BenchmarkCase.Named(only));
    return;
}

var names = args.Length == 0 || args is ["all"] ? BenchmarkCase.All.Select(c => c.Name).ToArray() : args;
var peers = new List<string>();
Console.WriteLine("| case | areas | schools | terms | policy | area-levels solved (max/term) | re-decided by CP-SAT (max/term) | solve s (total) | solve s (worst term) | run s (wall) | run s (CPU) | worst gap | mean gap | overflow pupils left (all terms) | of which proven unavoidable | violations last term | allocated MB | peak working set MB | load avg |");
Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
foreach (var name in names)
{
    using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--case", name]) { RedirectStandardOutput = true })!;
    var lines = child.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    child.WaitForExit();
    Console.WriteLine(lines.Single(l => !l.StartsWith(PeerMark, StringComparison.Ordinal)));
    peers.AddRange(lines.Where(l => l.StartsWith(PeerMark, StringComparison.Ordinal)).Select(l => l[PeerMark.Length..]));
}

Console.WriteLine();
Console.WriteLine("| case | term | objective | bound | bound kind | gap | split-flow bound | gap to split flow | travel (pupil-m) | moved × cost | changes × cost | overflow × cost | overflow pupils | least overflow proven ≥ | MIP (SCIP) objective | MIP bound | MIP s | engine vs MIP | solve s | bound s |");
Console.WriteLine("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
peers.ForEach(Console.WriteLine);

static void Run(BenchmarkCase c)
{
    var mip = new List<MipPeer.Result?>();
    var mipCpu = TimeSpan.Zero;
    var parameters = c.Parameters;
    if (c.MipSeconds > 0)
    {
        parameters = parameters with
        {
            Solver = parameters.Solver with
            {
                Observer = (problem, _) =>
                {
                    var before = Process.GetCurrentProcess().TotalProcessorTime;
                    mip.Add(MipPeer.Solve(problem, c.MipSeconds));
                    mipCpu += Process.GetCurrentProcess().TotalProcessorTime - before;
                },
            },
        };
    }

    var input = c.Input(parameters);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var phases = PhaseReport.Enabled ? new PhaseReport(c.Name) : null;
    if (phases is not null)
    {
        PhaseReport.Start();
    }

    var result = Simulator.Run(input, progress: phases);
    var mipSeconds = mip.Sum(m => m?.Seconds ?? 0);
    var seconds = clock.Elapsed.TotalSeconds - mipSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore - mipCpu).TotalSeconds;
    var solves = result.Terms.Select(t => t.Solve).ToList();
    // The solver (and so the peer) runs only for terms with areas to place: the peer's answers go to those, in order.
    var nextPeer = 0;
    for (var i = 0; i < result.Terms.Count; i++)
    {
        var t = result.Terms[i];
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
        {
            Console.Error.WriteLine($"{c.Name} {t.Term} {t.Solve} violations={t.Violations.Count} moved={t.Movement.Moved} mean={t.Distance.MeanMetres:F0}");
        }

        var peer = t.Solve.Areas > 0 && nextPeer < mip.Count ? mip[nextPeer++] : null;
        Console.WriteLine(PeerMark + PeerRow(c.Name, t.Term.ToString(), t.Solve, peer));
    }

    var gaps = solves.Where(s => s.Areas > 0).Select(s => s.Gap).DefaultIfEmpty(0).ToList();
    var allocatedMb = GC.GetTotalAllocatedBytes(precise: true) / 1048576.0;
    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    var last = result.Terms[^1].Violations;
    var overflow = solves.Sum(s => s.OverflowPupils);
    var proven = solves.Sum(s => s.MinimumOverflowBound);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {c.Name} | {c.Areas:N0} | {c.Schools:N0} | {result.Terms.Count} | {c.Policy} | {solves.Max(s => s.Areas):N0} | {solves.Max(s => s.AreasReDecided):N0} | {solves.Sum(s => s.Seconds):F2} | {solves.Max(s => s.Seconds):F2} | {seconds:F2} | {cpu:F2} | {gaps.Max():P2} | {gaps.Average():P2} | {overflow:N0} | {proven:N0} | {Describe(last)} | {allocatedMb:N0} | {peakMb:N0} | {LoadAverage()} |"));
}

// The first term's problem, as solved, taken apart by FlowAnatomy; the rest of the horizon is not run.
static void FlowAnatomyOf(BenchmarkCase c)
{
    c.Observe((problem, _) =>
    {
        FlowAnatomy.Print(problem);
        Environment.Exit(0);
    });
}

static string PeerRow(string name, string term, SolveStats s, MipPeer.Result? mip)
{
    var b = s.Breakdown.All;
    var splitGap = s.Objective > 0 ? (s.Objective - s.SplitFlowBound) / s.Objective : 0;
    var mipPart = mip is null
        ? "– | – | – | –"
        : $"{mip.Objective:N0}{(mip.Optimal ? " (optimal)" : "")} | {mip.Bound:N0} | {mip.Seconds:F0} | {(s.Objective - mip.Objective) / mip.Objective:P3}";
    return string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {term} | {s.Objective:N0} | {s.LowerBound:N0} | {s.BoundKind} | {s.Gap:P3} | {s.SplitFlowBound:N0} | {splitGap:P3} | {b.TravelPupilMetres:N0} | {b.MoveCost:N0} | {b.ChangeCost:N0} | {b.OverflowCost:N0} | {b.OverflowPupils:N0} | {s.MinimumOverflowBound:N0}{(s.MinimumOverflowProven ? " ✓" : "")} | {mipPart} | {s.Seconds:F2} | {s.BoundSeconds:F2} |");
}

static string Describe(IReadOnlyList<Violation> violations) =>
    violations.Count == 0 ? "0" : string.Join(", ", violations.GroupBy(v => v.Kind).Select(g => $"{g.Count()} {g.Key}"));

// The machine may be shared; the 1-minute load average tells how much (Linux only).
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
