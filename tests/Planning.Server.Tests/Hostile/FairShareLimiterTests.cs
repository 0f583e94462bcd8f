using System.Threading.RateLimiting;
using Planning.Server.Hosting;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// The cores shared between the keys calling (issue 15: with one key flooding, another key's calls are not
/// held up by the flood). The limiter alone, with a clock the test moves; CallerLimitTests drive it through the server.
/// </summary>
public sealed class FairShareLimiterTests : IDisposable
{
    private long _now = 1_000;
    private readonly FairShareLimiter _limiter;

    public FairShareLimiterTests() => _limiter = new FairShareLimiter(perKey: 2, queuePerKey: 3, () => _now);

    public void Dispose() => _limiter.Dispose();

    private ValueTask<RateLimitLease> Call(string key, CancellationToken ct = default) => _limiter.AcquireAsync(key, 1, ct);

    private async Task<RateLimitLease> Granted(string key)
    {
        var lease = Call(key);
        Assert.True(lease.IsCompleted, $"a call of {key} waited");
        var granted = await lease;
        Assert.True(granted.IsAcquired, $"a call of {key} was refused");
        return granted;
    }

    private void PastRecent() => _now += (long)FairShareLimiter.Recent.TotalMilliseconds;

    [Fact]
    public async Task Acquire_KeyCallingAlone_TakesAllItsPlacesThenWaitsInItsLine()
    {
        var first = await Granted("A");
        await Granted("A");
        var third = Call("A");

        Assert.False(third.IsCompleted);
        first.Dispose();
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public async Task Acquire_SecondKeyWhileTheFirstFloods_ServedAtOnceAndTheFloodDropsToHalf()
    {
        var flood = new List<RateLimitLease> { await Granted("flood"), await Granted("flood") };
        var floodWaiting = Call("flood");

        var other = await Granted("other"); // at once, although the flood holds both places

        flood[0].Dispose();
        Assert.False(floodWaiting.IsCompleted); // two keys calling: one place each, the flood still holds one
        flood[1].Dispose();
        Assert.True((await floodWaiting).IsAcquired);
        other.Dispose();
        Assert.False(Call("flood").IsCompleted); // the other key paused a moment ago: it still counts as calling
    }

    [Fact]
    public async Task Acquire_OtherKeyStoppedLongerThanRecent_FloodGetsBothPlacesBack()
    {
        var flood = await Granted("flood");
        (await Granted("other")).Dispose();
        var second = Call("flood");
        Assert.False(second.IsCompleted);

        PastRecent();
        var third = Call("flood"); // the grown share is handed out at the next call

        Assert.True((await second).IsAcquired);
        Assert.False(third.IsCompleted);
        flood.Dispose();
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public async Task Acquire_MoreKeysThanPlaces_EveryKeyStillGetsOneAtOnce()
    {
        foreach (var key in new[] { "A", "B", "C", "D", "E" })
        {
            await Granted(key); // asserts each key is served at once, though two keys would fill the places
        }

        Assert.False(Call("A").IsCompleted);
    }

    [Fact]
    public async Task Acquire_LinesOfTwoKeys_ServedInTurnNotByArrival()
    {
        var a = await Granted("A");
        var b = await Granted("B");
        var aWaiting = new[] { Call("A"), Call("A"), Call("A") };
        var bWaiting = Call("B"); // arrived after all of A's

        b.Dispose(); // B's place comes free: B's own line is next, not A's older calls
        Assert.True(bWaiting.IsCompleted);
        Assert.All(aWaiting, w => Assert.False(w.IsCompleted));
        a.Dispose();
        Assert.True(aWaiting[0].IsCompleted);
        Assert.False(aWaiting[1].IsCompleted);
    }

    [Fact]
    public async Task Acquire_LineFull_RefusedWhileAnotherKeyIsServed()
    {
        await Granted("A");
        await Granted("A");
        var line = new[] { Call("A"), Call("A"), Call("A") };

        var refused = await Call("A");

        Assert.False(refused.IsAcquired);
        Assert.All(line, w => Assert.False(w.IsCompleted));
        await Granted("B"); // asserts it is served at once
    }

    [Fact]
    public async Task Acquire_WaitingCallCancelled_LeavesTheLineAndTheNextIsServed()
    {
        var held = await Granted("A");
        await Granted("A");
        using var cancel = new CancellationTokenSource();
        var cancelled = Call("A", cancel.Token);
        var next = Call("A");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled);
        held.Dispose();

        Assert.True((await next).IsAcquired);
        Assert.Equal(0, _limiter.GetStatistics("A")!.CurrentQueuedCount);
    }

    [Fact]
    public async Task Acquire_KeylessOrStream_NeverLimited()
    {
        for (var i = 0; i < 100; i++)
        {
            await Granted(""); // asserts each is served at once
        }
    }
}
