using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Planning.Server.Common;

namespace Planning.Server.Access;

/// <summary>
/// The "ApiKey" authentication scheme: `authorization: Bearer pln_…` against the stored key hashes.
/// A database that cannot be reached fails authentication with <see cref="DatabaseUnavailableException"/>,
/// which the gRPC result handler answers UNAVAILABLE rather than UNAUTHENTICATED.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyLookup keys,
    AuthenticationThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var header = headers.Count == 1 ? headers[0] ?? "" : "";
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the authorization header must be \"Bearer <api key>\"");
        }
        var secret = header["Bearer ".Length..].Trim();
        var peer = Caller.PeerAddress(Context);
        var hash = ApiKeySecret.LooksValid(secret) ? ApiKeySecret.Hash(secret) : null;
        if (!throttle.MayLookUp(peer, hash ?? []))
        {
            return AuthenticateResult.Fail(new TooManyFailuresException(peer));
        }
        Data.ApiKeyRow? key;
        try
        {
            key = hash is null ? null : await keys.FindActiveAsync(secret, Context.RequestAborted);
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            return AuthenticateResult.Fail(new DatabaseUnavailableException(e));
        }
        if (key is null)
        {
            return AuthenticateResult.Fail("the API key is unknown or has been revoked");
        }
        throttle.Succeeded(hash!);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, Roles.Name(key.Role)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>The key could not be checked because the database is down.</summary>
public sealed class DatabaseUnavailableException(Exception inner)
    : Exception(ErrorInterceptor.DatabaseUnavailableMessage, inner);

/// <summary>The peer failed authentication too often lately (AuthenticationThrottle): refused without a lookup.</summary>
public sealed class TooManyFailuresException(string peer)
    : Exception($"too many calls with unknown or revoked keys from {peer} in the last seconds; wait a moment, and check the key");
