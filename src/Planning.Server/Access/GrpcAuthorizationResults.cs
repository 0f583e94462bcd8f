using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>
/// Answers a refused gRPC call as gRPC does — a trailers-only response with grpc-status
/// UNAUTHENTICATED (16) or PERMISSION_DENIED (7) and a message that says why — instead of a bare
/// HTTP 401/403. Refused calls of a known key are written to the audit trail.
/// </summary>
public sealed partial class GrpcAuthorizationResults(ILogger<GrpcAuthorizationResults> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var contentType = context.Request.ContentType ?? "";
        if (result.Succeeded || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var method = context.Request.Path.Value?.TrimStart('/') ?? "";
        StatusCode status;
        string message;
        if (result.Forbidden)
        {
            var needed = NeededRole(result.AuthorizationFailure);
            var caller = Caller.From(context);
            status = StatusCode.PermissionDenied;
            message = $"the key \"{caller.Actor}\" has the role {Roles.Name(caller.Role)}; {method} needs {needed}";
            LogDenied(logger, caller.Actor, caller.Peer, method);
            try
            {
                await new AuditLog(context.RequestServices.GetRequiredService<PlanningDb>(), caller).DeniedAsync(needed, context.RequestAborted);
            }
            catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
            {
                status = StatusCode.Unavailable;
                message = ErrorInterceptor.DatabaseUnavailableMessage;
            }
        }
        else
        {
            // The authentication middleware keeps only successes; the handler caches its result per request.
            var failure = (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure;
            (status, message) = failure switch
            {
                DatabaseUnavailableException e => (StatusCode.Unavailable, e.Message),
                not null => (StatusCode.Unauthenticated, failure.Message),
                null => (StatusCode.Unauthenticated, "no credentials: send the metadata \"authorization: Bearer <api key>\""),
            };
            if (status == StatusCode.Unauthenticated)
            {
                LogUnauthenticated(logger, Caller.From(context).Peer, method, message);
            }
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    /// <summary>The least role that would have passed the failed requirements.</summary>
    private static string NeededRole(AuthorizationFailure? failure)
    {
        var failed = failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>() ?? [];
        return Roles.Name(failed.Select(r => r.AllowedRoles.Select(Roles.Parse).Min() ?? Role.Admin).DefaultIfEmpty(Role.Admin).Max());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Method} to key '{Actor}' from {Peer}")]
    private static partial void LogDenied(ILogger logger, string actor, string peer, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unauthenticated call of {Method} from {Peer}: {Reason}")]
    private static partial void LogUnauthenticated(ILogger logger, string peer, string method, string reason);
}
