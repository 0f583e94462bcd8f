using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static ApiKey ToRecord(V1.ApiKey k) => new(
        k.Id, k.Name, k.Role, k.Prefix, ToRecord(k.CreatedAt), k.CreatedBy, ToRecord(k.RevokedAt), k.RevokedBy,
        ToRecord(k.LastUsedAt));

    public static CreatedApiKey ToRecord(V1.CreateApiKeyResponse r) => new(ToRecord(r.Key ?? new V1.ApiKey()), r.Secret);

    public static AuditEvent ToRecord(V1.AuditEvent e) => new(
        e.Id, ToRecord(e.At), e.Actor, e.ActorKeyId, e.Role, e.Peer, e.Method, e.Action, e.Target, e.DetailJson,
        e.Outcome);

    public static V1.ListAuditEventsRequest ToProto(AuditFilter? f, PageRequest? page) => new()
    {
        Page = ToProto(page),
        Since = ToProto(f?.Since),
        Until = ToProto(f?.Until),
        ActorKeyId = f?.ActorKeyId ?? "",
        ActionPrefix = f?.ActionPrefix ?? "",
        Target = f?.Target ?? "",
    };

    private static Google.Protobuf.WellKnownTypes.Timestamp? ToProto(DateTimeOffset? t) =>
        t is { } instant ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(instant) : null;
}
