using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>
/// Writes the audit trail. <see cref="Add"/> puts the event in the same unit of work as the change:
/// the caller's next SaveChanges (inside its transaction) stores both or neither.
/// </summary>
public sealed class AuditLog(PlanningDb db, Caller caller)
{
    public void Add(string action, string target, object? detail = null) =>
        db.AuditEvents.Add(Event(caller, action, target, detail, AuditOutcome.Done));

    /// <summary>A protobuf message as a JSON node, to nest in an event's detail.</summary>
    public static JsonNode? Proto(IMessage? message) =>
        message is null ? null : JsonNode.Parse(JsonFormatter.Default.Format(message));

    private static AuditEventRow Event(Caller caller, string action, string target, object? detail, AuditOutcome outcome) => new()
    {
        At = DateTimeOffset.UtcNow,
        Actor = Clip(caller.Actor, 200),
        ActorKeyId = caller.KeyId,
        Role = caller.Role,
        Peer = Clip(caller.Peer, 100),
        Method = Clip(caller.Method, 200),
        Action = Clip(action, 64),
        Target = Clip(target, 200),
        DetailJson = detail is null ? "{}" : JsonSerializer.Serialize(detail),
        Outcome = outcome,
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
