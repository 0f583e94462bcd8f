using System.Collections.Concurrent;

namespace Planning.Engine.Assignment;

/// <summary>
/// CPU time spent in each phase of the solver, for the benchmarks. Off, and nearly free, unless
/// <see cref="Source"/> is set to a clock of the calling thread's CPU time; phases run on parallel
/// threads add up. Nothing here changes what the solver does.
/// </summary>
internal static class PhaseClock
{
    private static readonly ConcurrentDictionary<string, long> Totals = new();

    /// <summary>The calling thread's CPU time so far; null turns the clock off.</summary>
    public static Func<TimeSpan>? Source { get; set; }

    /// <summary>Starts timing <paramref name="phase"/> until the lap is disposed.</summary>
    public static Lap Start(string phase) => new(phase, Source?.Invoke().Ticks ?? 0);

    /// <summary>CPU seconds per phase since the last call, and starts again from zero.</summary>
    public static IReadOnlyDictionary<string, double> Take()
    {
        var taken = new Dictionary<string, double>();
        foreach (var phase in Totals.Keys)
        {
            if (Totals.TryRemove(phase, out var ticks))
            {
                taken[phase] = TimeSpan.FromTicks(ticks).TotalSeconds;
            }
        }

        return taken;
    }

    public readonly struct Lap(string phase, long startTicks) : IDisposable
    {
        public void Dispose()
        {
            if (Source is { } source)
            {
                var spent = source().Ticks - startTicks;
                Totals.AddOrUpdate(phase, spent, (_, sum) => sum + spent);
            }
        }
    }
}
