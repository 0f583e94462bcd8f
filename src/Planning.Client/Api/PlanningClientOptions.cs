namespace Planning.Client.Api;

/// <summary>How <see cref="PlanningClient"/> reaches the server.</summary>
public sealed record PlanningClientOptions
{
    /// <summary>Environment variable holding the server address.</summary>
    public const string ServerVariable = "PLANNING_SERVER";

    /// <summary>Environment variable holding the API key; it wins over the credentials file.</summary>
    public const string ApiKeyVariable = "PLANNING_API_KEY";

    /// <summary>Address used when neither an option nor PLANNING_SERVER gives one (plain-text HTTP/2).</summary>
    public const string DefaultAddress = "http://127.0.0.1:5081";

    /// <summary>Server address, e.g. "http://127.0.0.1:5081" or an https:// one (a private CA is trusted through SSL_CERT_FILE on Linux).</summary>
    public string Address { get; init; } = ResolveAddress(null);

    /// <summary>
    /// API key sent as `authorization: Bearer …`. Null: looked up when the channel is made (see
    /// <see cref="ResolveApiKey"/>), which throws <see cref="CredentialsFileException"/> for a credentials
    /// file other users can read; empty: send none.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Deadline of each unary call; null for none. Streaming calls have no deadline unless the caller cancels.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Attempts of a read-only call while the server answers UNAVAILABLE (1 disables retries).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Largest message accepted from the server.</summary>
    public int MaxReceiveMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Sends the HTTP/2 requests instead of a socket handler of the channel's own (proxies, in-process test servers); not disposed by the client.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The explicit address, else PLANNING_SERVER, else <see cref="DefaultAddress"/>.</summary>
    public static string ResolveAddress(string? explicitAddress, Func<string, string?>? environment = null) =>
        !string.IsNullOrWhiteSpace(explicitAddress) ? explicitAddress
        : (environment ?? Environment.GetEnvironmentVariable)(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultAddress;

    /// <summary>
    /// The key for <paramref name="address"/>: the explicit one (empty means none), else PLANNING_API_KEY,
    /// else the credentials file's entry for the address (<paramref name="credentials"/>, by default
    /// <see cref="CredentialStore.DefaultPath"/>), else null.
    /// </summary>
    public static string? ResolveApiKey(
        string? explicitKey, string address, CredentialStore? credentials = null, Func<string, string?>? environment = null)
    {
        if (explicitKey is not null)
        {
            return explicitKey.Trim() is { Length: > 0 } key ? key : null;
        }
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(ApiKeyVariable)?.Trim() is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        return (credentials ?? new CredentialStore(CredentialStore.DefaultPath(environment))).Find(address)?.Key;
    }
}
