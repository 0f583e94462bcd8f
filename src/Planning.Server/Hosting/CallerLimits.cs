using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Planning.Server.Access;
using Planning.Server.Common;

namespace Planning.Server.Hosting;

/// <summary>
/// Fair limits per caller (ASP.NET Core's rate limiter, before authentication so that a flood costs no
/// database lookup). A call counts against the API key it sends, told apart by the hash of its secret,
/// or, without one, against its peer address:
/// <list type="bullet">
/// <item>a key: Limits:MaxCallsPerSecondPerKey calls a second (bursts of twice as many);
/// Limits:MaxConcurrentCallsPerKey unary calls at once while it calls alone, that number shared out while
/// other keys call too (<see cref="FairShareLimiter"/>), with Limits:MaxQueuedCallsPerKey more waiting in
/// the key's own line (oldest first); Limits:MaxConcurrentStreamsPerKey streaming calls at once;</item>
/// <item>a peer without a key: Limits:MaxRefusedCallsPerSecondPerPeer calls a second (they can only be
/// refused, or ask for the server's health).</item>
/// </list>
/// A call over a limit is RESOURCE_EXHAUSTED, counted in the <see cref="RefusalTally"/>. One key's
/// flood then waits in its own line while other keys' calls go on. docs/security.md.
/// </summary>
public static class CallerLimits
{
    public static IServiceCollection AddCallerLimits(this IServiceCollection services, ServerLimits limits) => services
        .Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            // Kestrel's own: connections, streams per connection. A stream's unsent response is held to
            // Kestrel's 64 KiB response buffer (flow control), so a stalled reader holds no more than that.
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConnections;
            kestrel.Limits.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;
        })
        .AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(Rates(limits), Streams(limits), Calls(limits));
            o.RejectionStatusCode = StatusCodes.Status200OK; // the gRPC status goes in the headers, below
            o.OnRejected = (rejected, _) =>
            {
                Refuse(rejected.HttpContext, rejected.Lease, limits);
                return ValueTask.CompletedTask;
            };
        });

    /// <summary>The key's calls a second, or the peer's when it sends no key.</summary>
    private static PartitionedRateLimiter<HttpContext> Rates(ServerLimits limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!TrailersOnly.IsGrpc(context))
            {
                return RateLimitPartition.GetNoLimiter("not gRPC");
            }
            var (name, _) = Partition(context);
            var perSecond = name.StartsWith("key", StringComparison.Ordinal) ? limits.MaxCallsPerSecondPerKey : limits.MaxRefusedCallsPerSecondPerPeer;
            // Refilled every tenth of a second when the rate allows whole tokens, else every second.
            var tenths = perSecond >= 10;
            return RateLimitPartition.GetTokenBucketLimiter(name, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 2 * perSecond,
                TokensPerPeriod = tenths ? perSecond / 10 : perSecond,
                ReplenishmentPeriod = tenths ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
        });

    /// <summary>The key's streams in progress at once (no line).</summary>
    private static PartitionedRateLimiter<HttpContext> Streams(ServerLimits limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (name, hash) = Partition(context);
            return !TrailersOnly.IsGrpc(context) || hash is null || !IsStreaming(context)
                ? RateLimitPartition.GetNoLimiter("no key or not a stream")
                : RateLimitPartition.GetConcurrencyLimiter("streams of " + name, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.MaxConcurrentStreamsPerKey, QueueLimit = 0,
                });
        });

    /// <summary>The key's unary calls in progress at once, the cores shared between the keys calling (with a line each).</summary>
    private static PartitionedRateLimiter<HttpContext> Calls(ServerLimits limits) =>
        new FairShareLimiter(limits.MaxConcurrentCallsPerKey, limits.MaxQueuedCallsPerKey).WithTranslatedKey<HttpContext>(context =>
        {
            var (name, hash) = Partition(context);
            return !TrailersOnly.IsGrpc(context) || hash is null || IsStreaming(context) ? "" : name;
        }, leaveOpen: false);

    /// <summary>"key 3F2A…" (the first bytes of the hash of the secret sent, with the whole hash) or "peer 127.0.0.1".</summary>
    /// <remarks>Each limiter of the chain asks; the secret is hashed once per call and kept with the call.</remarks>
    private static (string Name, byte[]? SecretHash) Partition(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(CallerLimits), out var kept) && kept is ValueTuple<string, byte[]?> known)
        {
            return known;
        }
        var header = context.Request.Headers.Authorization;
        (string, byte[]?) partition = ("peer " + Caller.PeerAddress(context), null);
        if (header.Count == 1 && header[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var hash = ApiKeySecret.Hash(value["Bearer ".Length..].Trim());
            partition = ("key " + Convert.ToHexString(hash, 0, 6), hash);
        }
        context.Items[typeof(CallerLimits)] = partition;
        return partition;
    }

    private static bool IsStreaming(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.Type is { } type && type != MethodType.Unary;

    private static void Refuse(HttpContext context, RateLimitLease lease, ServerLimits limits)
    {
        var (name, hash) = Partition(context);
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var message = hash is null
            ? $"too many calls without a key from {name[5..]}: at most {limits.MaxRefusedCallsPerSecondPerPeer} a second; send an API key"
            : IsStreaming(context)
                ? $"the key ({name}) has {limits.MaxConcurrentStreamsPerKey} streaming calls open, the most it may; end one first"
                : $"the key ({name}) is over its limits: {limits.MaxCallsPerSecondPerKey} calls a second, " +
                  $"{limits.MaxConcurrentCallsPerKey} at once (fewer while other keys call) with {limits.MaxQueuedCallsPerKey} waiting";
        message += string.Create(CultureInfo.InvariantCulture, $"; retry after {Math.Max(0.1, retry.TotalSeconds):0.#} s");
        TrailersOnly.Write(context, StatusCode.ResourceExhausted, message);
        var method = context.Request.Path.Value?.TrimStart('/') ?? "";
        context.RequestServices.GetRequiredService<RefusalTally>()
            .Add(Refusal.Limited, new RefusedCaller(name, SecretHash: hash), Caller.PeerAddress(context), method, message);
    }
}
