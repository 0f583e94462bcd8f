using Grpc.Core;
using Grpc.Net.Client;

namespace Planning.Client.Api;

/// <summary>Sends an API key as `authorization: Bearer <key>` on every call of a channel.</summary>
public static class ApiKeyCredentials
{
    /// <summary>Set to 1 to send a key over plain HTTP beyond loopback (a TLS tunnel the client cannot see).</summary>
    public const string AllowPlainTextVariable = "PLANNING_ALLOW_PLAINTEXT";

    /// <summary>
    /// Sets the channel's credentials to carry <paramref name="apiKey"/> (nothing when null). Over
    /// plain HTTP to loopback — the default — gRPC would drop call credentials, so that is allowed
    /// explicitly; beyond loopback a key only travels over https:// (docs/security.md), unless
    /// PLANNING_ALLOW_PLAINTEXT=1.
    /// </summary>
    /// <exception cref="InsecureAddressException">A key for plain HTTP beyond loopback.</exception>
    public static GrpcChannelOptions WithApiKey(this GrpcChannelOptions options, string address, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return options;
        }
        var secure = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!secure && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback)
            && Environment.GetEnvironmentVariable(AllowPlainTextVariable) != "1")
        {
            throw new InsecureAddressException(
                $"refusing to send an API key in clear text to {address}: use its https:// address " +
                $"(or set {AllowPlainTextVariable}=1 when a tunnel encrypts the way)");
        }
        var call = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {apiKey}");
            return Task.CompletedTask;
        });
        options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, call);
        options.UnsafeUseInsecureChannelCallCredentials = !secure;
        return options;
    }
}

/// <summary>A key would cross the network in clear text.</summary>
public sealed class InsecureAddressException(string message) : Exception(message);
