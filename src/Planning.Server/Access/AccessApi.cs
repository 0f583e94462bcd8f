using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.V1;

namespace Planning.Server.Access;

[Authorize(Policy = Roles.Viewer)]
public sealed class AccessApi(PlanningDb db, ApiKeyStore keys, Caller caller) : AccessService.AccessServiceBase
{
    public override async Task<V1.ApiKey> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        AccessProto.ToProto(await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == caller.KeyId, context.CancellationToken));

    [Authorize(Policy = Roles.Admin)]
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var (key, secret) = await keys.CreateAsync(request.Name, AccessProto.FromProto(request.Role), caller.Actor, context.CancellationToken);
        return new CreateApiKeyResponse { Key = AccessProto.ToProto(key), Secret = secret };
    }

    [Authorize(Policy = Roles.Admin)]
    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        problems.ThrowIfAny();
        var query = db.ApiKeys.AsNoTracking().Where(k => request.IncludeRevoked || k.RevokedAt == null);
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).Skip(offset).Take(size).ToListAsync(ct);
        var response = new ListApiKeysResponse { Page = Paging.Response(offset, size, total) };
        response.Keys.AddRange(page.Select(AccessProto.ToProto));
        return response;
    }

    [Authorize(Policy = Roles.Admin)]
    public override async Task<V1.ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context) =>
        AccessProto.ToProto(await keys.RevokeAsync(request.Id, caller.Actor, context.CancellationToken));

    [Authorize(Policy = Roles.Admin)]
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        Guid? keyId = null;
        if (request.ActorKeyId.Length > 0)
        {
            if (Guid.TryParse(request.ActorKeyId, out var parsed))
            {
                keyId = parsed;
            }
            else
            {
                problems.Add("actor_key_id", Checks.BadId(request.ActorKeyId, "key"));
            }
        }
        var since = Instant(request.Since, "since", problems);
        var until = Instant(request.Until, "until", problems);
        if (request.ActionPrefix.Length > 64)
        {
            problems.Add("action_prefix", "must be at most 64 characters");
        }
        if (request.Target.Length > 200)
        {
            problems.Add("target", "must be at most 200 characters");
        }
        problems.ThrowIfAny();

        var query = db.AuditEvents.AsNoTracking();
        if (since is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (until is { } to)
        {
            query = query.Where(e => e.At < to);
        }
        if (keyId is { } id)
        {
            query = query.Where(e => e.ActorKeyId == id);
        }
        if (request.ActionPrefix.Length > 0)
        {
            query = query.Where(e => e.Action.StartsWith(request.ActionPrefix));
        }
        if (request.Target.Length > 0)
        {
            query = query.Where(e => e.Target == request.Target);
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(e => e.Id).Skip(offset).Take(size).ToListAsync(ct);
        var response = new ListAuditEventsResponse { Page = Paging.Response(offset, size, total) };
        response.Events.AddRange(page.Select(AccessProto.ToProto));
        return response;
    }

    private static DateTimeOffset? Instant(Google.Protobuf.WellKnownTypes.Timestamp? t, string field, Problems problems)
    {
        if (t is null)
        {
            return null;
        }
        try
        {
            return t.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            problems.Add(field, "is not a valid timestamp");
            return null;
        }
    }
}
