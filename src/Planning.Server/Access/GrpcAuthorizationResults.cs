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
/// UNAUTHENTICATED (16), PERMISSION_DENIED (7) or RESOURCE_EXHAUSTED (8) and a message that says why —
/// instead of a bare HTTP 401/403. Refused calls are counted in the <see cref="RefusalTally"/>, which
/// writes them to the log and the audit trail in aggregate.
/// </summary>
public sealed class GrpcAuthorizationResults(RefusalTally tally) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded || !TrailersOnly.IsGrpc(context))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var method = context.Request.Path.Value?.TrimStart('/') ?? "";
        var peer = Caller.PeerAddress(context);
        StatusCode status;
        string message;
        if (result.Forbidden)
        {
            var needed = NeededRole(result.AuthorizationFailure);
            var caller = Caller.From(context);
            status = StatusCode.PermissionDenied;
            message = $"the key \"{caller.Actor}\" has the role {Roles.Name(caller.Role)}; {method} needs {needed}";
            tally.Add(Refusal.Denied, new RefusedCaller($"key {caller.KeyId}", caller.KeyId, Role: caller.Role), peer, method, message, needed);
        }
        else
        {
            // The authentication middleware keeps only successes; the handler caches its result per request.
            var failure = (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure;
            (status, message) = failure switch
            {
                DatabaseUnavailableException e => (StatusCode.Unavailable, e.Message),
                TooManyFailuresException e => (StatusCode.ResourceExhausted, e.Message),
                not null => (StatusCode.Unauthenticated, failure.Message),
                null => (StatusCode.Unauthenticated, "no credentials: send the metadata \"authorization: Bearer <api key>\""),
            };
            if (status != StatusCode.Unavailable)
            {
                tally.Add(status == StatusCode.ResourceExhausted ? Refusal.Limited : Refusal.Unauthenticated,
                    new RefusedCaller($"peer {peer}"), peer, method, message);
            }
        }
        TrailersOnly.Write(context, status, message);
    }

    /// <summary>The least role that would have passed the failed requirements.</summary>
    private static string NeededRole(AuthorizationFailure? failure)
    {
        var failed = failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>() ?? [];
        return Roles.Name(failed.Select(r => r.AllowedRoles.Select(Roles.Parse).Min() ?? Role.Admin).DefaultIfEmpty(Role.Admin).Max());
    }
}
