using Grpc.Core;
using Grpc.Net.Client;

namespace Planning.Client.Api;

/// <summary>Sends an API key as `authorization: Bearer <key>` on every call of a channel.</summary>
public static class ApiKeyCredentials
{
    /// <summary>
    /// Sets the channel's credentials to carry <paramref name="apiKey"/> (nothing when null). Over
    /// plain HTTP — the loopback default — gRPC would drop call credentials, so that is allowed
    /// explicitly; off loopback the server should have TLS (docs/security.md).
    /// </summary>
    public static GrpcChannelOptions WithApiKey(this GrpcChannelOptions options, string address, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return options;
        }
        var secure = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
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
