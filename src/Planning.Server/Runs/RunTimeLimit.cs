namespace Planning.Server.Runs;

/// <summary>
/// Limits:MaxRunSeconds on a run's computation: a timer cancels <c>stop</c>, and so does <see cref="Check"/>, which
/// the computing thread calls at each term and at the end. The timer's callback needs a thread of the pool, which
/// runs computing side by side on a saturated machine can hold back until the run has ended: the likely cause of
/// the time-limit test's one failure in a full suite, its run succeeding though it computes for longer than 1 s.
/// </summary>
internal sealed class RunTimeLimit : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly TimeSpan _limit;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer _timer;

    public RunTimeLimit(CancellationTokenSource stop, TimeSpan limit, TimeProvider time)
    {
        (_stop, _limit, _time) = (stop, limit, time);
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Cancel(), null, limit, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Cancels the run once its time is up, whether or not the timer has fired.</summary>
    public void Check()
    {
        if (_time.GetElapsedTime(_started) >= _limit)
        {
            Cancel();
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Cancel()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended and its token source went with it before the timer fired.
        }
    }
}
