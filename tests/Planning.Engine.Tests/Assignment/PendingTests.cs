using Planning.Engine.Assignment;

namespace Planning.Engine.Tests.Assignment;

/// <summary>
/// Work beside the solver (the split flow, the overflow proof) is
/// settled before its caller leaves, by an exception too, and runs once.
/// </summary>
public class PendingTests
{
    [Fact]
    public void Dispose_CallerLeavesByAnException_WaitsForTheWorkBeside()
    {
        using var started = new ManualResetEventSlim();
        var finished = false;

        var thrown = Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var pending = new Pending<int>(beside: true, () =>
            {
                started.Set();
                Thread.Sleep(300);
                finished = true;
                return 1;
            });
            started.Wait();
            throw new InvalidOperationException("the caller's own failure");
        }));

        Assert.Equal("the caller's own failure", thrown.Message);
        // Without the wait on the way out the work would still be in its sleep here.
        Assert.True(Volatile.Read(ref finished));
    }

    [Fact]
    public void Dispose_WorkBesideFailedToo_TheCallersExceptionIsTheOneThatLeaves()
    {
        var thrown = Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var pending = new Pending<int>(beside: true, () => throw new ArithmeticException("the work's failure"));
            throw new InvalidOperationException("the caller's own failure");
        }));

        Assert.Equal("the caller's own failure", thrown.Message);
    }

    [Fact]
    public void Settle_WorkBesideFailed_ThrowsItsException()
    {
        using var pending = new Pending<int>(beside: true, () => throw new ArithmeticException("the work's failure"));

        Assert.Equal("the work's failure", Assert.Throws<ArithmeticException>(pending.Settle).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Value_ComputedOnceWhetherBesideOrNot(bool beside)
    {
        var runs = 0;
        using var pending = new Pending<int>(beside, () => Interlocked.Increment(ref runs) * 7);

        Assert.Equal(7, pending.Value);
        Assert.Equal(7, pending.Value);
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public void SettleAndDispose_NotBeside_NeverStartTheWork()
    {
        var runs = 0;
        var pending = new Pending<int>(beside: false, () => ++runs);

        pending.Settle();
        pending.Dispose();

        Assert.Equal(0, runs);
    }
}
