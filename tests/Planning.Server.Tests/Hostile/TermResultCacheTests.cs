using Planning.Server.Common;
using Planning.Server.Runs;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §4: 1,024 GetTermResult calls on a cold cache each built the same result and took the server past
/// 1 GiB (docs/LOAD-TEST.md). Concurrent misses of one key now load it once; a failed load leaves it to a waiter.
/// </summary>
public sealed class TermResultCacheTests
{
    private static readonly TermResultCache.Key Key = new(Guid.NewGuid(), 7, "2021-autumn");

    [Fact]
    public async Task GetOrLoadAsync_ManyConcurrentMisses_LoadsOnceAndAllGetIt()
    {
        using var cache = new TermResultCache(new ServerLimits());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<V1.TermResult> Load()
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return new V1.TermResult { RunId = Key.RunId.ToString(), Term = Key.Term };
        }

        var calls = Enumerable.Range(0, 64).Select(_ => cache.GetOrLoadAsync(Key, Load, CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.Equal(Key.Term, r.Term));
    }

    [Fact]
    public async Task GetOrLoadAsync_LoaderFails_LoaderGetsItsErrorAndAWaiterLoadsAgain()
    {
        using var cache = new TermResultCache(new ServerLimits());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<V1.TermResult> Load()
        {
            if (Interlocked.Increment(ref loads) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("the loader's database call failed");
            }
            return new V1.TermResult { Term = Key.Term };
        }

        var loader = cache.GetOrLoadAsync(Key, Load, CancellationToken.None);
        var waiter = cache.GetOrLoadAsync(Key, Load, CancellationToken.None);
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => loader);
        Assert.Equal(Key.Term, (await waiter).Term);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task GetOrLoadAsync_WaiterGivesUp_WaiterCancelledAndLoadGoesOn()
    {
        using var cache = new TermResultCache(new ServerLimits());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<V1.TermResult> Load()
        {
            await gate.Task;
            return new V1.TermResult { Term = Key.Term };
        }
        using var giveUp = new CancellationTokenSource();

        var loader = cache.GetOrLoadAsync(Key, Load, CancellationToken.None);
        var waiter = cache.GetOrLoadAsync(Key, Load, giveUp.Token);
        await giveUp.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(Key.Term, (await loader).Term);
        Assert.NotNull(cache.Find(Key));
    }
}
