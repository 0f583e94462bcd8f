using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>Why a call was refused before its handler ran.</summary>
public enum Refusal
{
    /// <summary>The key's role is below the method's (PERMISSION_DENIED).</summary>
    Denied,

    /// <summary>No key, or one that is unknown or revoked (UNAUTHENTICATED).</summary>
    Unauthenticated,

    /// <summary>Over a limit of its key or its peer (RESOURCE_EXHAUSTED).</summary>
    Limited,
}

/// <summary>Who was refused: a key (by id once known, else by the hash of the secret it sent) or, without one, a peer address.</summary>
public sealed record RefusedCaller(string Name, Guid? KeyId = null, byte[]? SecretHash = null, Role? Role = null);

/// <summary>
/// Refused calls counted, not written one by one: a flood of them must not grow the log and the
/// (append-only) audit trail by a line each. Each caller's first refusal of a minute is logged at once;
/// when the minute is over, one audit event per caller, reason and minute records how many there were
/// and of which methods, and one log line says the same. Past <see cref="MaxCallersPerMinute"/> distinct
/// callers in a minute the rest are counted together. docs/security.md.
/// </summary>
public sealed partial class RefusalTally(IServiceScopeFactory scopes, ILogger<RefusalTally> logger) : BackgroundService
{
    public const int MaxCallersPerMinute = 10_000;

    private const int MaxMethodsListed = 10;

    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);

    private sealed record Slot(DateTimeOffset Minute, Refusal Reason, string Caller);

    private sealed class Count(RefusedCaller caller, string peer)
    {
        public RefusedCaller Caller { get; } = caller;
        public string Peer { get; } = peer;
        public long Total;
        public string Needed = "";
        public readonly ConcurrentDictionary<string, long> Methods = new();
    }

    private readonly ConcurrentDictionary<Slot, Count> _counts = new();

    /// <summary>Counts one refused call; logs it when it is the caller's first of this minute and reason.</summary>
    public void Add(Refusal reason, RefusedCaller caller, string peer, string method, string detail, string neededRole = "")
    {
        var minute = Minute(DateTimeOffset.UtcNow);
        var slot = new Slot(minute, reason, caller.Name);
        if (!_counts.ContainsKey(slot) && _counts.Count >= MaxCallersPerMinute)
        {
            caller = new RefusedCaller("others (too many callers this minute to count one by one)");
            slot = slot with { Caller = caller.Name };
        }
        var added = false;
        var count = _counts.GetOrAdd(slot, _ =>
        {
            added = true;
            return new Count(caller, peer);
        });
        Interlocked.Increment(ref count.Total);
        if (neededRole.Length > 0)
        {
            count.Needed = neededRole;
        }
        if (count.Methods.Count < MaxMethodsListed || count.Methods.ContainsKey(method))
        {
            count.Methods.AddOrUpdate(method, 1, (_, n) => n + 1);
        }
        if (added)
        {
            LogFirst(logger, reason, caller.Name, peer, method, detail);
        }
    }

    /// <summary>Writes the counts of every minute that is over (and of this one too when <paramref name="all"/>), one audit event each.</summary>
    public async Task FlushAsync(bool all, CancellationToken ct)
    {
        var now = Minute(DateTimeOffset.UtcNow);
        var done = _counts.Keys.Where(s => all || s.Minute < now).ToList();
        if (done.Count == 0)
        {
            return;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        var callers = done.Select(s => _counts.TryGetValue(s, out var c) ? c.Caller : null).OfType<RefusedCaller>().ToList();
        var hashes = callers.Select(c => c.SecretHash).OfType<byte[]>().ToList();
        var ids = callers.Select(c => c.KeyId).OfType<Guid>().ToList();
        var keys = hashes.Count + ids.Count == 0 ? []
            : await db.ApiKeys.AsNoTracking().Where(k => hashes.Contains(k.SecretHash) || ids.Contains(k.Id)).ToListAsync(ct);
        var taken = new List<(Slot, Count)>();
        foreach (var slot in done)
        {
            if (_counts.TryRemove(slot, out var count))
            {
                taken.Add((slot, count));
                var key = keys.FirstOrDefault(k => k.Id == count.Caller.KeyId
                    || (count.Caller.SecretHash is { } hash && k.SecretHash.SequenceEqual(hash)));
                db.AuditEvents.Add(Event(slot, count, key));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            // Kept for the next flush: the counts go on, added to those of the same minute.
            foreach (var (slot, count) in taken)
            {
                _counts.AddOrUpdate(slot, count, (_, newer) =>
                {
                    Interlocked.Add(ref newer.Total, count.Total);
                    return newer;
                });
            }
            throw;
        }
        foreach (var (slot, count) in taken)
        {
            LogMinute(logger, count.Total, slot.Reason, slot.Caller, slot.Minute);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushQuietlyAsync(all: true, CancellationToken.None); // the minute under way too, as the server stops
    }

    private async Task FlushQuietlyAsync(bool all, CancellationToken ct)
    {
        try
        {
            await FlushAsync(all, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotWritten(logger, e);
        }
    }

    private static AuditEventRow Event(Slot slot, Count count, ApiKeyRow? key) => new()
    {
        At = slot.Minute,
        Actor = Clip(key?.Name ?? count.Caller.Name, 200),
        ActorKeyId = key?.Id ?? count.Caller.KeyId,
        Role = key?.Role ?? count.Caller.Role ?? Role.Viewer,
        Peer = Clip(count.Peer, 100),
        Method = Clip(count.Methods.OrderByDescending(m => m.Value).Select(m => m.Key).FirstOrDefault() ?? "", 200),
        Action = slot.Reason switch
        {
            Refusal.Denied => "calls.denied",
            Refusal.Unauthenticated => "calls.unauthenticated",
            _ => "calls.limited",
        },
        Target = Clip(key is null ? slot.Caller : $"key {key.Id}", 200),
        DetailJson = JsonSerializer.Serialize(new
        {
            count = count.Total,
            minute = slot.Minute.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture),
            methods = count.Methods.OrderByDescending(m => m.Value).ToDictionary(m => m.Key, m => m.Value),
            needed_role = count.Needed.Length > 0 ? count.Needed : null,
        }),
        Outcome = AuditOutcome.Denied,
    };

    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused ({Reason}) {Method} of {Caller} from {Peer}: {Detail}; more refusals of this caller this minute are counted, not logged")]
    private static partial void LogFirst(ILogger logger, Refusal reason, string caller, string peer, string method, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} call(s) ({Reason}) of {Caller} in the minute from {Minute:u}")]
    private static partial void LogMinute(ILogger logger, long count, Refusal reason, string caller, DateTimeOffset minute);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the counts of refused calls to the audit trail; kept for the next try")]
    private static partial void LogNotWritten(ILogger logger, Exception e);
}
