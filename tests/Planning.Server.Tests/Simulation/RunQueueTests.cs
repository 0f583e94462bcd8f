using Planning.Server.Common;
using Planning.Server.Hosting;
using Planning.Server.Runs;
using Planning.Server.Scenarios;

namespace Planning.Server.Tests.Simulation;

/// <summary>The line of runs on its own: first come first served, positions, a full line, leaving it.</summary>
public sealed class RunQueueTests
{
    private static readonly ServerLimits OneAtATime = new() { MaxConcurrentRuns = 1, MaxQueuedRuns = 2 };

    [Fact]
    public async Task Join_SlotTaken_WaitsInOrderAndTellsPositions()
    {
        var queue = new RunQueue(OneAtATime);
        var first = queue.Join();
        var second = queue.Join();
        var third = queue.Join();
        var secondPositions = new List<int>();
        var thirdPositions = new List<int>();

        var secondTurn = second.WaitAsync(p => Record(secondPositions, p), CancellationToken.None);
        var thirdTurn = third.WaitAsync(p => Record(thirdPositions, p), CancellationToken.None);
        await Until(() => Count(thirdPositions) == 1);
        Assert.True(first.StartedAtOnce);
        Assert.False(second.StartedAtOnce || secondTurn.IsCompleted || thirdTurn.IsCompleted);

        first.Dispose();
        await secondTurn.WaitAsync(TimeSpan.FromSeconds(5));
        await Until(() => Count(thirdPositions) == 2); // it has moved up before the second is done
        Assert.False(thirdTurn.IsCompleted);
        second.Dispose();
        await thirdTurn.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([1], secondPositions);
        Assert.Equal([2, 1], thirdPositions);
        third.Dispose();
        using var next = queue.Join();
        Assert.True(next.StartedAtOnce);
    }

    [Fact]
    public void Join_LineFull_LimitExceededNamingTheLimit()
    {
        var queue = new RunQueue(OneAtATime);
        using var computing = queue.Join();
        using var a = queue.Join();
        using var b = queue.Join();

        var e = Assert.Throws<LimitExceededException>(() => queue.Join());

        Assert.Contains("Limits:MaxQueuedRuns = 2", e.Message);
    }

    [Fact]
    public async Task WaitAsync_CancelledInLine_LeavesAndTheNextMovesUp()
    {
        var queue = new RunQueue(OneAtATime);
        var computing = queue.Join();
        var leaving = queue.Join();
        var staying = queue.Join();
        var positions = new List<int>();
        using var cancel = new CancellationTokenSource();
        var leavingTurn = leaving.WaitAsync(_ => Task.CompletedTask, cancel.Token);
        var stayingTurn = staying.WaitAsync(p => Record(positions, p), CancellationToken.None);
        await Until(() => Count(positions) == 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leavingTurn);
        leaving.Dispose();
        await Until(() => Count(positions) == 2);
        computing.Dispose();
        await stayingTurn.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([2, 1], positions);
        staying.Dispose();
        Assert.True(queue.Join().StartedAtOnce);
    }

    [Fact]
    public async Task Join_TwoSlots_TwoComputeAtOnce()
    {
        var queue = new RunQueue(new ServerLimits { MaxConcurrentRuns = 2, MaxQueuedRuns = 1 });

        using var a = queue.Join();
        using var b = queue.Join();
        using var c = queue.Join();

        Assert.True(a.StartedAtOnce && b.StartedAtOnce);
        Assert.False(c.StartedAtOnce);
        await Assert.ThrowsAsync<TimeoutException>(() => c.WaitAsync(_ => Task.CompletedTask, CancellationToken.None).WaitAsync(TimeSpan.FromMilliseconds(100)));
    }

    /// <summary>Polls until the condition holds (5 s at most): the waiters run on the thread pool.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), "the line did not move as expected within 5 s");
    }

    private static int Count(List<int> positions)
    {
        lock (positions)
        {
            return positions.Count;
        }
    }

    private static Task Record(List<int> positions, int position)
    {
        lock (positions)
        {
            positions.Add(position);
        }
        return Task.CompletedTask;
    }
}
