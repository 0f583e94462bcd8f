using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>
/// The encoded GetTermResult responses of finished runs. A succeeded run never changes, so its terms are
/// kept, keyed by the run's id and row version and the term, each with its encoding (sent as those bytes,
/// Common.EncodedResponses), up to Limits:TermResultCacheBytes in all (least recently used go first). A
/// run that is deleted is not served from here: every call reads the run's status and version first.
/// Concurrent misses of one key load it once (issue 15 §4: 1,024 calls on a cold cache each built the same
/// result and took the server past 1 GiB); the others wait for that load.
/// </summary>
public sealed class TermResultCache(ServerLimits limits) : IDisposable
{
    public sealed record Key(Guid RunId, long Version, string Term);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = limits.TermResultCacheBytes });

    private readonly ConcurrentDictionary<Key, Task<V1.TermResult>> _loading = new();

    /// <summary>
    /// The cached result, or <paramref name="load"/>'s, kept. While one caller loads a key, the others wait for
    /// it; if that load fails or its caller gives up, each waiter tries again (one of them loading).
    /// </summary>
    public async Task<V1.TermResult> GetOrLoadAsync(Key key, Func<Task<V1.TermResult>> load, CancellationToken ct)
    {
        while (true)
        {
            if (Find(key) is { } hit)
            {
                return hit;
            }
            var mine = new TaskCompletionSource<V1.TermResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            var loading = _loading.GetOrAdd(key, mine.Task);
            if (loading == mine.Task)
            {
                return await LoadAsync(key, load, mine);
            }
            try
            {
                return await loading.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested && loading.IsCompleted)
            {
                // The loader's own failure (its cancellation, a database error) is its caller's to report.
            }
        }
    }

    private async Task<V1.TermResult> LoadAsync(Key key, Func<Task<V1.TermResult>> load, TaskCompletionSource<V1.TermResult> mine)
    {
        try
        {
            var result = Keep(key, await load());
            mine.SetResult(result);
            return result;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed: waiters retry, the caller gets it below
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<Key, Task<V1.TermResult>>(key, mine.Task));
        }
    }

    public V1.TermResult? Find(Key key) => _cache.TryGetValue(key, out V1.TermResult? result) ? result : null;

    /// <summary>Keeps <paramref name="result"/>, encoded once; it must not be changed afterwards.</summary>
    public V1.TermResult Keep(Key key, V1.TermResult result)
    {
        var encoded = EncodedResponses.Encoded(result);
        _cache.Set(key, encoded, new MemoryCacheEntryOptions
        {
            Size = EncodedResponses.Find(encoded)!.Length,
            SlidingExpiration = TimeSpan.FromHours(1),
        });
        return encoded;
    }

    public void Dispose() => _cache.Dispose();
}
