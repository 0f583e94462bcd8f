using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Planning.Server.Common;

namespace Planning.Server.Access;

/// <summary>
/// Bounds what unknown keys cost. Each call with a key is looked up in PostgreSQL; a peer (an IP address)
/// may have Limits:MaxRefusedCallsPerSecondPerPeer keys looked up a second (twice as many in a burst) that
/// were not seen valid lately — a guesser, or a client with a revoked key in a loop. Past that, such calls
/// are refused at once, without a lookup; keys that authenticated in the last <see cref="RememberValid"/>
/// are looked up as always, so a guesser on a shared address does not lock out the valid keys of others there.
/// </summary>
public sealed class AuthenticationThrottle(ServerLimits limits) : IDisposable
{
    public static readonly TimeSpan RememberValid = TimeSpan.FromMinutes(10);

    private const int MaxRemembered = 10_000;

    private readonly PartitionedRateLimiter<string> _lookups = PartitionedRateLimiter.Create<string, string>(peer =>
        RateLimitPartition.GetTokenBucketLimiter(peer, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2 * limits.MaxRefusedCallsPerSecondPerPeer,
            TokensPerPeriod = limits.MaxRefusedCallsPerSecondPerPeer,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    private readonly ConcurrentDictionary<string, DateTimeOffset> _valid = new();

    /// <summary>
    /// False when <paramref name="secretHash"/> is no key seen valid lately and <paramref name="peer"/> has
    /// used its lookups; taken before the lookup, so that calls at once cannot all pass.
    /// </summary>
    public bool MayLookUp(string peer, byte[] secretHash)
    {
        if (_valid.TryGetValue(Convert.ToHexString(secretHash), out var seen) && DateTimeOffset.UtcNow - seen < RememberValid)
        {
            return true;
        }
        using var lease = _lookups.AttemptAcquire(peer);
        return lease.IsAcquired;
    }

    public void Succeeded(byte[] secretHash)
    {
        if (_valid.Count >= MaxRemembered)
        {
            var cutoff = DateTimeOffset.UtcNow - RememberValid;
            foreach (var old in _valid.Where(v => v.Value < cutoff).Select(v => v.Key).ToList())
            {
                _valid.TryRemove(old, out _);
            }
        }
        if (_valid.Count < MaxRemembered)
        {
            _valid[Convert.ToHexString(secretHash)] = DateTimeOffset.UtcNow;
        }
    }

    public void Dispose() => _lookups.Dispose();
}
