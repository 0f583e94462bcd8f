using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>The key this client sends; UNAUTHENTICATED when it sends none or an unknown or revoked one.</summary>
    public Task<ApiKey> WhoAmIAsync(CancellationToken ct = default) =>
        UnaryAsync(o => _access.WhoAmIAsync(new V1.WhoAmIRequest(), o), ProtoMapping.ToRecord, ct);

    /// <summary>Creates a key; the result holds its secret, which the server cannot show again. Admin.</summary>
    public Task<CreatedApiKey> CreateApiKeyAsync(string name, Role role, CancellationToken ct = default) =>
        UnaryAsync(o => _access.CreateApiKeyAsync(new V1.CreateApiKeyRequest { Name = name, Role = role }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>One page of keys, newest first, without secrets. Admin.</summary>
    public Task<Page<ApiKey>> ListApiKeysAsync(bool includeRevoked = false, PageRequest? page = null, CancellationToken ct = default) =>
        UnaryAsync(o => _access.ListApiKeysAsync(
                new V1.ListApiKeysRequest { Page = ProtoMapping.ToProto(page), IncludeRevoked = includeRevoked }, o),
            r => ProtoMapping.ToPage(r.Keys.Select(ProtoMapping.ToRecord), r.Page), ct);

    /// <summary>Every key, fetching page after page. Admin.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAllApiKeysAsync(bool includeRevoked = false, CancellationToken ct = default) =>
        AllPagesAsync((page, c) => ListApiKeysAsync(includeRevoked, page, c), ct);

    /// <summary>Revokes a key (NOT_FOUND when unknown; FAILED_PRECONDITION when already revoked or the last admin key). Admin.</summary>
    public Task<ApiKey> RevokeApiKeyAsync(string id, CancellationToken ct = default) =>
        UnaryAsync(o => _access.RevokeApiKeyAsync(new V1.RevokeApiKeyRequest { Id = id }, o), ProtoMapping.ToRecord, ct);

    /// <summary>One page of the audit trail, newest first. Admin.</summary>
    public Task<Page<AuditEvent>> ListAuditEventsAsync(AuditFilter? filter = null, PageRequest? page = null, CancellationToken ct = default) =>
        UnaryAsync(o => _access.ListAuditEventsAsync(ProtoMapping.ToProto(filter, page), o),
            r => ProtoMapping.ToPage(r.Events.Select(ProtoMapping.ToRecord), r.Page), ct);
}
