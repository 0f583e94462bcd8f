using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Planning.V1;

namespace Planning.LoadTest;

/// <summary>
/// Issue 15 §4's memory attack: opens many calls with one key and never reads their answers (HTTP/2 flow
/// control then stalls the server's writes), holds them, and samples the server's resident memory from
/// /proc/PID/status: before, while they are open, and after they are cancelled.
/// </summary>
public sealed class Holder(PlanningClients clients, Targets targets, LoadOptions options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var (service, method, request) = options.HoldCall == "export"
            ? ("planning.v1.DatasetService", "ExportLayer",
               new ExportLayerRequest { Layer = Layer.ResidentialAreas, Format = ExportFormat.Geopackage }.ToByteArray())
            : ("planning.v1.SimulationService", "GetTermResult",
               new GetTermResultRequest { RunId = targets.Terms[0].RunId, Term = targets.Terms[0].Term }.ToByteArray());
        // A server-streaming method on the wire is the same as a unary one; as a stream the answer is never read.
        var raw = new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Bytes, Bytes);
        Console.WriteLine($"Holding {options.Hold} {method} calls for {options.Seconds} s, never reading them; server pid {options.ServerPid}");
        Console.WriteLine($"resident memory before: {Rss()}");
        var peak = 0L;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var calls = Enumerable.Range(0, options.Hold)
            .Select(_ => clients.Invoker.AsyncServerStreamingCall(raw, null, new CallOptions(cancellationToken: cancel.Token), request))
            .ToList();
        var stopAt = DateTime.UtcNow.AddSeconds(options.Seconds);
        while (DateTime.UtcNow < stopAt)
        {
            await Task.Delay(1000, ct);
            peak = Math.Max(peak, RssBytes());
        }
        Console.WriteLine($"resident memory while held: peak {Mb(peak)}, now {Rss()}; calls by status: {Statuses(calls)}");
        await cancel.CancelAsync();
        foreach (var call in calls)
        {
            call.Dispose();
        }
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        Console.WriteLine($"resident memory 10 s after cancelling: {Rss()}");
        return 0;
    }

    /// <summary>How many calls ended with which status, and how many are still open (their answer unread).</summary>
    private static string Statuses(IEnumerable<AsyncServerStreamingCall<byte[]>> calls) => string.Join(", ", calls
        .Select(c =>
        {
            try
            {
                return c.GetStatus().StatusCode.ToString();
            }
            catch (InvalidOperationException)
            {
                return "open";
            }
        })
        .GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    private string Rss() => Mb(RssBytes());

    private static string Mb(long bytes) => (bytes / 1024d / 1024).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>VmRSS of the server process (0 when no pid was given).</summary>
    private long RssBytes()
    {
        if (options.ServerPid == 0)
        {
            return 0;
        }
        var line = File.ReadLines($"/proc/{options.ServerPid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
}
