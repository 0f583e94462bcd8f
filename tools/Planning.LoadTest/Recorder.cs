using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Planning.LoadTest;

/// <summary>Latencies of every call per method, and every status other than OK.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentQueue<string> _examples = new();

    public IReadOnlyDictionary<string, ConcurrentQueue<double>> Latencies => _latencies;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public IEnumerable<string> Examples => _examples;

    public int ErrorCount => _errors.Values.Sum();

    private int _waitedInLine;

    /// <summary>Runs that waited for a free place (the server computes a limited number at once).</summary>
    public int WaitedInLine => _waitedInLine;

    public void RunWaitedInLine() => Interlocked.Increment(ref _waitedInLine);

    private int _refused;

    /// <summary>Calls of the flooding key answered RESOURCE_EXHAUSTED (its limits at work, not an error).</summary>
    public int Refused => _refused;

    private int _cutOff;

    /// <summary>
    /// Calls of the flooding key that failed UNAVAILABLE because the server closed their connection (under a
    /// flood the server log shows Kestrel ending it with HTTP/2 ENHANCE_YOUR_CALM).
    /// </summary>
    public int CutOff => _cutOff;

    /// <summary>
    /// Times <paramref name="call"/>; an RpcException (any status) or other exception counts as an unexpected error,
    /// except, when <paramref name="refusedIsExpected"/> (the flooding key), RESOURCE_EXHAUSTED, counted in
    /// <see cref="Refused"/>, and UNAVAILABLE, counted in <see cref="CutOff"/>.
    /// </summary>
    public async Task TimeAsync(string method, Func<Task> call, bool refusedIsExpected = false)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await call();
            _latencies.GetOrAdd(method, _ => new ConcurrentQueue<double>()).Enqueue(watch.Elapsed.TotalMilliseconds);
        }
        catch (RpcException e) when (refusedIsExpected && e.StatusCode == StatusCode.ResourceExhausted)
        {
            Interlocked.Increment(ref _refused);
        }
        catch (RpcException e) when (refusedIsExpected && e.StatusCode == StatusCode.Unavailable)
        {
            Interlocked.Increment(ref _cutOff);
        }
        catch (RpcException e)
        {
            Error(method, e.StatusCode.ToString(), e.Status.Detail);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error(method, e.GetType().Name, e.Message);
        }
    }

    public void Error(string method, string status, string detail)
    {
        _errors.AddOrUpdate($"{method} {status}", 1, (_, n) => n + 1);
        if (_examples.Count < 20)
        {
            _examples.Enqueue($"{method}: {status} {detail}");
        }
    }
}
