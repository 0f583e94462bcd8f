using System.Globalization;
using System.Net;

namespace Planning.LoadTest;

/// <summary>Command-line options; every loop is bounded in time and in count.</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        usage: Planning.LoadTest [--address URL] [--seconds N] [--readers N] [--simulations N]
                                 [--max-calls N] [--horizon TERM] [--seed N] [--reads mixed|term-results]
                                 [--flood N] [--burst N --nodes URL,URL,… --pids PID,PID,…]
                                 [--hold N --hold-call term-result|export --server-pid PID]
          --address      server, loopback only (default PLANNING_SERVER or http://127.0.0.1:5081)
          --seconds      measured duration, 1–3600 (default 60)
          --readers      concurrent reader loops, 0–256 (default 16; 0 with --flood: a flood alone)
          --simulations  concurrent RunSimulation loops, 0–8 (default 2)
          --max-calls    stop the readers after this many calls in all (default 5,000,000)
          --horizon      last term of the simulated scenario (default 2021-spring: two terms)
          --seed         seed of the readers' random choices (default 1)
          --reads        mixed: the four read calls alike (default); term-results: GetTermResult only
          --flood        loops of a second key (PLANNING_FLOOD_API_KEY) calling GetTermResult without pause,
                         0–256 (default 0); its RESOURCE_EXHAUSTED answers are counted, not errors
          --hold         instead of reading: open N calls (1–4096) with the key, never read them, hold them for
                         --seconds, cancel them, and print the server's resident memory (/proc/PID/status of
                         --server-pid) before, while held and after; --hold-call picks GetTermResult (default)
                         or a GeoPackage ExportLayer of the residential areas
          --burst        instead of the read load: this many runs (1–500) submitted at once with StartRun,
                         round-robin over --nodes (default: --address), each watched to its end; reports runs
                         per minute, waits in line, computing times and the CPU of the --pids processes
        The planner key to call with comes from PLANNING_API_KEY.
        Exit code 0 when every call answered OK, 1 on any unexpected status, 2 on bad usage or setup.
        """;

    public Uri Address { get; init; } = new(Environment.GetEnvironmentVariable("PLANNING_SERVER") is { Length: > 0 } a ? a : "http://127.0.0.1:5081");
    public int Seconds { get; init; } = 60;
    public int Readers { get; init; } = 16;
    public int Simulations { get; init; } = 2;
    public long MaxCalls { get; init; } = 5_000_000;
    public string Horizon { get; init; } = "2021-spring";
    public int Seed { get; init; } = 1;
    public bool TermResultsOnly { get; init; }
    public int FloodLoops { get; init; }
    public int Hold { get; init; }
    public string HoldCall { get; init; } = "term-result";
    public int ServerPid { get; init; }
    public int Burst { get; init; }
    /// <summary>WatchRun streams open at once in a burst: under the server's Limits:MaxConcurrentStreamsPerKey (4).</summary>
    public int Watchers { get; init; } = 3;
    public IReadOnlyList<Uri> Nodes { get; init; } = [];
    public IReadOnlyList<int> Pids { get; init; } = [];

    /// <summary>Where the flooding loops' key comes from.</summary>
    public const string FloodKeyVariable = "PLANNING_FLOOD_API_KEY";

    /// <summary>The options, or an error message.</summary>
    public static (LoadOptions? Options, string? Error) Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return (null, $"{args[i]} needs a value");
            }
            i++;
            switch (args[i - 1])
            {
                case "--address" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    o = o with { Address = uri };
                    break;
                case "--seconds" when Int(value, 1, 3600) is { } n:
                    o = o with { Seconds = n };
                    break;
                case "--readers" when Int(value, 0, 256) is { } n:
                    o = o with { Readers = n };
                    break;
                case "--simulations" when Int(value, 0, 8) is { } n:
                    o = o with { Simulations = n };
                    break;
                case "--max-calls" when Int(value, 1, int.MaxValue) is { } n:
                    o = o with { MaxCalls = n };
                    break;
                case "--horizon":
                    o = o with { Horizon = value };
                    break;
                case "--seed" when Int(value, 0, int.MaxValue) is { } n:
                    o = o with { Seed = n };
                    break;
                case "--flood" when Int(value, 0, 256) is { } n:
                    o = o with { FloodLoops = n };
                    break;
                case "--hold" when Int(value, 0, 4096) is { } n:
                    o = o with { Hold = n };
                    break;
                case "--hold-call" when value is "term-result" or "export":
                    o = o with { HoldCall = value };
                    break;
                case "--server-pid" when Int(value, 1, int.MaxValue) is { } n:
                    o = o with { ServerPid = n };
                    break;
                case "--burst" when Int(value, 1, 500) is { } n:
                    o = o with { Burst = n };
                    break;
                case "--nodes" when value.Split(',').All(v => Uri.TryCreate(v, UriKind.Absolute, out _)):
                    o = o with { Nodes = [.. value.Split(',').Select(v => new Uri(v))] };
                    break;
                case "--pids" when value.Split(',').All(v => Int(v, 1, int.MaxValue) is not null):
                    o = o with { Pids = [.. value.Split(',').Select(v => Int(v, 1, int.MaxValue)!.Value)] };
                    break;
                case "--reads" when value is "mixed" or "term-results":
                    o = o with { TermResultsOnly = value == "term-results" };
                    break;
                default:
                    return (null, $"bad option or value: {args[i - 1]} {value}");
            }
        }
        if (o.Readers == 0 && o.FloodLoops == 0 && o.Simulations == 0 && o.Hold == 0 && o.Burst == 0)
        {
            return (null, "nothing to do: --readers 0 needs --flood, --simulations, --hold or --burst");
        }
        return IsLoopback(o.Address) && o.Nodes.All(IsLoopback)
            ? (o, null)
            : (null, $"{o.Address} is not a loopback address; the load test only targets this machine (127.0.0.0/8, ::1, localhost)");
    }

    /// <summary>Loopback literals only: names other than localhost are not resolved, so nothing leaves the machine.</summary>
    public static bool IsLoopback(Uri address) =>
        address.Scheme is "http" or "https"
        && (address.IsLoopback && (address.Host == "localhost" || IPAddress.TryParse(address.Host.Trim('[', ']'), out _)));

    private static int? Int(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
}
