using Microsoft.EntityFrameworkCore;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>
/// Finds the key of a call. It depends on nothing but the database: it runs before the caller is
/// known, so it must not pull in anything that captures the caller (such as the audit log).
/// </summary>
public sealed class ApiKeyLookup(PlanningDb db)
{
    /// <summary>How often a key's last use is written (at most once per key in this time).</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The active key with this secret, or null; notes its use at most once a minute.</summary>
    public async Task<ApiKeyRow?> FindActiveAsync(string secret, CancellationToken ct)
    {
        if (!ApiKeySecret.LooksValid(secret))
        {
            return null;
        }
        var hash = ApiKeySecret.Hash(secret);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, ct);
        var now = DateTimeOffset.UtcNow;
        if (key is not null && (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution))
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return key;
    }
}
