using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planning.Client.Api;

/// <summary>An API key as the server lists it; never with its secret.</summary>
/// <param name="Id">Server-assigned id (a UUID).</param>
/// <param name="Prefix">The first 12 characters of the secret ("pln_" and 8 more), to recognise the key.</param>
/// <param name="CreatedBy">Name of the key (or "console: user") that created it.</param>
/// <param name="RevokedAt">Null while the key is active.</param>
/// <param name="LastUsedAt">Last call made with the key, to the minute; null when never used.</param>
public sealed record ApiKey(
    string Id,
    string Name,
    Role Role,
    string Prefix,
    DateTimeOffset? CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    string RevokedBy,
    DateTimeOffset? LastUsedAt);

/// <summary>A key just created, with its secret: the only time the server shows it.</summary>
/// <param name="Secret">What to send as `authorization: Bearer …`: "pln_" and 43 base64url characters.</param>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>One change, or refused attempt, in the audit trail.</summary>
/// <param name="Actor">Name of the key that made the call, or "console: user" for the server's key command.</param>
/// <param name="ActorKeyId">Id of that key; empty for the console.</param>
/// <param name="Peer">"ip:port" of the caller, or "console".</param>
/// <param name="Method">The gRPC method, e.g. "planning.v1.SchoolService/UpsertSchool".</param>
/// <param name="Action">What was done, e.g. "school.update", "key.create"; the method's name when denied.</param>
/// <param name="Target">What it was done to, e.g. "school BD-P-001".</param>
/// <param name="DetailJson">The particulars as a JSON object (see <see cref="Detail"/>).</param>
public sealed record AuditEvent(
    long Id,
    DateTimeOffset? At,
    string Actor,
    string ActorKeyId,
    Role Role,
    string Peer,
    string Method,
    string Action,
    string Target,
    [property: JsonIgnore] string DetailJson,
    AuditOutcome Outcome)
{
    /// <summary>The particulars, parsed; the text as a JSON string when it is not valid JSON.</summary>
    public JsonElement Detail
    {
        get
        {
            try
            {
                return JsonDocument.Parse(DetailJson.Length == 0 ? "{}" : DetailJson).RootElement.Clone();
            }
            catch (JsonException)
            {
                return JsonSerializer.SerializeToElement(DetailJson);
            }
        }
    }
}

/// <summary>Which audit events to list; null or empty means no filter.</summary>
/// <param name="Since">Only events at or after this instant.</param>
/// <param name="Until">Only events before this instant.</param>
/// <param name="ActorKeyId">Only events made with this key (its id).</param>
/// <param name="ActionPrefix">Only events whose action starts with this, e.g. "school." or "key.create".</param>
/// <param name="Target">Only events whose target is exactly this, e.g. "school BD-P-001".</param>
public sealed record AuditFilter(
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? ActorKeyId = null,
    string? ActionPrefix = null,
    string? Target = null);
