using System.Security.Claims;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>Who makes the current call and from where, as the audit trail records it.</summary>
public sealed record Caller(string Actor, Guid? KeyId, Role Role, string Peer, string Method)
{
    /// <summary>The server's own key command, run by an operating-system user.</summary>
    public static Caller Console(string command) =>
        new($"console: {Environment.UserName}", null, Role.Admin, "console", command);

    private const string InProcess = "in-process";

    /// <summary>The address a call comes from, without its port: what per-peer limits count by.</summary>
    public static string PeerAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? InProcess;

    /// <summary>The authenticated caller of an HTTP request (a gRPC call).</summary>
    public static Caller From(HttpContext context)
    {
        var user = context.User;
        var peer = context.Connection.RemoteIpAddress is { } ip
            ? $"{ip}:{context.Connection.RemotePort}"
            : InProcess;
        return new Caller(
            user.Identity?.Name ?? "anonymous",
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            Roles.Parse(user.FindFirstValue(ClaimTypes.Role)) ?? Role.Viewer,
            peer,
            context.Request.Path.Value?.TrimStart('/') ?? "");
    }
}
