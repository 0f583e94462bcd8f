namespace Planning.Client.Api;

/// <summary>How <see cref="PlanningClient"/> reaches the server.</summary>
public sealed record PlanningClientOptions
{
    /// <summary>Environment variable holding the server address.</summary>
    public const string ServerVariable = "PLANNING_SERVER";

    /// <summary>Address used when neither an option nor PLANNING_SERVER gives one (plain-text HTTP/2).</summary>
    public const string DefaultAddress = "http://127.0.0.1:5081";

    /// <summary>Server address, e.g. "http://127.0.0.1:5081".</summary>
    public string Address { get; init; } = ResolveAddress(null);

    /// <summary>Deadline of each unary call; null for none. Streaming calls have no deadline unless the caller cancels.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Attempts of a read-only call while the server answers UNAVAILABLE (1 disables retries).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Largest message accepted from the server.</summary>
    public int MaxReceiveMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The explicit address, else PLANNING_SERVER, else <see cref="DefaultAddress"/>.</summary>
    public static string ResolveAddress(string? explicitAddress) =>
        !string.IsNullOrWhiteSpace(explicitAddress) ? explicitAddress
        : Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultAddress;
}
