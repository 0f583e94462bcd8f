using System.Globalization;
using System.Text;

namespace Planning.LoadTest;

/// <summary>Throughput and latency percentiles per method, as a Markdown table.</summary>
public static class Report
{
    public static string Table(Recorder recorder, double readSeconds, double simulationSeconds)
    {
        var text = new StringBuilder();
        text.AppendLine("| method | calls | calls/s | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var all = new List<double>();
        foreach (var (method, queue) in recorder.Latencies.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var sorted = queue.Order().ToArray();
            all.AddRange(sorted);
            text.AppendLine(Row(method, sorted, method == "RunSimulation" ? simulationSeconds : readSeconds));
        }
        var readers = recorder.Latencies.Where(m => m.Key != "RunSimulation" && !m.Key.StartsWith("flood", StringComparison.Ordinal)).SelectMany(m => m.Value).Order().ToArray();
        text.AppendLine(Row("**all reads**", readers, readSeconds));
        return text.ToString();
    }

    private static string Row(string method, double[] sorted, double seconds) => sorted.Length == 0
        ? $"| {method} | 0 | 0 | – | – | – | – |"
        : string.Create(CultureInfo.InvariantCulture, $"| {method} | {sorted.Length} | {sorted.Length / seconds:0.0} | "
            + $"{P(sorted, 0.50):0.0} | {P(sorted, 0.95):0.0} | {P(sorted, 0.99):0.0} | {sorted[^1]:0.0} |");

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double P(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
