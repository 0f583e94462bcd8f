using System.Globalization;
using Planning.Engine.Assignment;

namespace Planning.Benchmarks;

/// <summary>
/// <c>--try-prices CASE FACTOR…</c>: the case's horizon solved as usual, and each term's split flow
/// also solved alone with overflow at each FACTOR × the dearest pupil arc, one after the other with
/// nothing beside: its CPU seconds, and whether its overflow is the least any flow can have (then the
/// engine keeps the try; else it solves again at the real price). Chooses <c>FlowRelaxation.TryPriceFactor</c>.
/// </summary>
internal static class TryPrices
{
    public static void Run(BenchmarkCase c, IReadOnlyList<long> factors)
    {
        Console.WriteLine("| solved term | factor | CPU s | overflow | least | kept | arcs with another flow than the first factor's |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|");
        var term = 0;
        c.Observe((problem, _) =>
        {
            term++;
            var least = FlowRelaxation.Least(problem, FlowRelaxation.MostSeated(problem));
            long[]? first = null;
            foreach (var factor in factors)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var (result, overflow) = FlowRelaxation.SolveAt(problem, FlowRelaxation.TryPrice(problem, factor));
                var seconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
                first ??= result.Flows;
                var other = result.Flows.Zip(first).Count(p => p.First != p.Second);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {term} | {factor} | {seconds:F1} | {overflow:N0} | {least:N0} | {(overflow == least ? "yes" : "no")} | {other:N0} |"));
            }
        });
    }
}
