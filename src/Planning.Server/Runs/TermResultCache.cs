using Microsoft.Extensions.Caching.Memory;
using Planning.Server.Common;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>
/// The encoded GetTermResult responses of finished runs. A succeeded run never changes, so its terms are
/// kept, keyed by the run's id and row version and the term, each with its encoding (sent as those bytes,
/// Common.EncodedResponses), up to Limits:TermResultCacheBytes in all (least recently used go first). A
/// run that is deleted is not served from here: every call reads the run's status and version first.
/// </summary>
public sealed class TermResultCache(ServerLimits limits) : IDisposable
{
    public sealed record Key(Guid RunId, long Version, string Term);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = limits.TermResultCacheBytes });

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
