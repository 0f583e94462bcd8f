using System.Globalization;
using System.Runtime.InteropServices;
using Planning.Engine.Assignment;
using Planning.Engine.Simulation;

namespace Planning.Benchmarks;

/// <summary>
/// BENCH_PHASES=1: the CPU seconds of each solver phase, per term, on stderr (Linux: the thread's
/// own CPU clock, so other processes on the machine do not count). Told of each term's start by the
/// simulation's progress, which it hears on the simulation's thread.
/// </summary>
internal sealed partial class PhaseReport(string caseName) : IProgress<SimulationProgress>
{
    private string? _term;

    public static bool Enabled => Environment.GetEnvironmentVariable("BENCH_PHASES") is not null && OperatingSystem.IsLinux();

    public static void Start() => PhaseClock.Source = ThreadCpu;

    public void Report(SimulationProgress value)
    {
        Flush();
        _term = value.Percent >= 100 ? null : value.Term.ToString();
    }

    private void Flush()
    {
        var phases = PhaseClock.Take();
        if (_term is null)
        {
            return;
        }

        foreach (var (phase, seconds) in phases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase\t{caseName}\t{_term}\t{phase}\t{seconds:F3}"));
        }
    }

    private static TimeSpan ThreadCpu()
    {
        const int threadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        _ = ClockGetTime(threadCpuClock, out var t);
        return TimeSpan.FromTicks((t.Seconds * 1_000_000_000 + t.Nanoseconds) / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
