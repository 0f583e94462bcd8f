using Google.Protobuf.WellKnownTypes;
using Planning.Server.Data;
using V1 = Planning.V1;

namespace Planning.Server.Access;

/// <summary>Keys, roles and audit events as planning.v1 messages.</summary>
public static class AccessProto
{
    public static V1.Role ToProto(Role role) => role switch
    {
        Role.Viewer => V1.Role.Viewer,
        Role.Planner => V1.Role.Planner,
        _ => V1.Role.Admin,
    };

    public static Role? FromProto(V1.Role role) => role switch
    {
        V1.Role.Viewer => Role.Viewer,
        V1.Role.Planner => Role.Planner,
        V1.Role.Admin => Role.Admin,
        _ => null,
    };

    public static V1.ApiKey ToProto(ApiKeyRow key)
    {
        var proto = new V1.ApiKey
        {
            Id = key.Id.ToString(),
            Name = key.Name,
            Role = ToProto(key.Role),
            Prefix = key.Prefix,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            CreatedBy = key.CreatedBy,
            RevokedBy = key.RevokedBy,
        };
        if (key.RevokedAt is { } revoked)
        {
            proto.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }
        if (key.LastUsedAt is { } used)
        {
            proto.LastUsedAt = Timestamp.FromDateTimeOffset(used);
        }
        return proto;
    }

    public static V1.AuditEvent ToProto(AuditEventRow e) => new()
    {
        Id = e.Id,
        At = Timestamp.FromDateTimeOffset(e.At),
        Actor = e.Actor,
        ActorKeyId = e.ActorKeyId?.ToString() ?? "",
        Role = ToProto(e.Role),
        Peer = e.Peer,
        Method = e.Method,
        Action = e.Action,
        Target = e.Target,
        DetailJson = e.DetailJson,
        Outcome = e.Outcome == AuditOutcome.Done ? V1.AuditOutcome.Done : V1.AuditOutcome.Denied,
    };
}
