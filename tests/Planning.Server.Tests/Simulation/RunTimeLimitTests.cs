using Planning.Server.Runs;

namespace Planning.Server.Tests.Simulation;

/// <summary>
/// Limits:MaxRunSeconds on a clock whose timers never fire by themselves, as when runs computing side by side
/// hold back the pool thread the timer's callback needs: the computing thread's own check must stop the run; and
/// the timer, fired by hand, stops it without a check.
/// </summary>
public sealed class RunTimeLimitTests
{
    /// <summary>A clock moved by hand whose timers never fire by themselves: the test fires them.</summary>
    private sealed class StalledTimers : TimeProvider
    {
        public long Now { get; set; } = 1_000;

        public List<(TimerCallback Callback, object? State, TimeSpan Due, TimeSpan Period)> Timers { get; } = [];

        public override long TimestampFrequency => 1_000; // milliseconds

        public override long GetTimestamp() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timers.Add((callback, state, dueTime, period));
            return new Never();
        }

        private sealed class Never : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1_000, true)]
    [InlineData(60_000, true)]
    public void Check_TimerNeverFires_CancelsOnceTheLimitHasPassed(long elapsedMilliseconds, bool cancelled)
    {
        var clock = new StalledTimers();
        using var stop = new CancellationTokenSource();
        using var limit = new RunTimeLimit(stop, TimeSpan.FromSeconds(1), clock);

        limit.Check();
        Assert.False(limit.Token.IsCancellationRequested);
        clock.Now += elapsedMilliseconds;
        limit.Check();

        Assert.Equal(cancelled, limit.Token.IsCancellationRequested);
    }

    [Fact]
    public void Timer_NoCheckCalled_OneShotAtTheLimitCancels()
    {
        var clock = new StalledTimers();
        using var stop = new CancellationTokenSource();
        using var limit = new RunTimeLimit(stop, TimeSpan.FromSeconds(3), clock);

        var timer = Assert.Single(clock.Timers);
        Assert.Equal(TimeSpan.FromSeconds(3), timer.Due);
        Assert.Equal(Timeout.InfiniteTimeSpan, timer.Period);
        Assert.False(limit.Token.IsCancellationRequested);
        timer.Callback(timer.State);

        Assert.True(limit.Token.IsCancellationRequested);
    }
}
