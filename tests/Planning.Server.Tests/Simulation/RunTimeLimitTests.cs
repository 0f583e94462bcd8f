using Planning.Server.Runs;

namespace Planning.Server.Tests.Simulation;

/// <summary>
/// Limits:MaxRunSeconds without its timer: a clock whose timers never fire, as when runs computing side by side
/// hold back the pool thread the timer's callback needs. The computing thread's own check must stop the run.
/// </summary>
public sealed class RunTimeLimitTests
{
    /// <summary>A clock moved by hand whose timers never fire.</summary>
    private sealed class StalledTimers : TimeProvider
    {
        public long Now { get; set; } = 1_000;

        public override long TimestampFrequency => 1_000; // milliseconds

        public override long GetTimestamp() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Never();

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
    public async Task Timer_NoCheckCalled_CancelsOnItsOwn()
    {
        using var stop = new CancellationTokenSource();
        using var limit = new RunTimeLimit(stop, TimeSpan.FromMilliseconds(50), TimeProvider.System);

        // The timer alone, no Check: the token must be cancelled well within this wait.
        var cancelled = await Task.WhenAny(Task.Delay(Timeout.Infinite, limit.Token), Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(limit.Token.IsCancellationRequested);
        Assert.True(cancelled.IsCanceled);
    }
}
