using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli;

/// <summary>One command being run: its parsed arguments, the console, the client and the cancellation token.</summary>
internal sealed class Invocation(CliContext context, GlobalOptions globals, ParseResult parse, CancellationToken ct) : IDisposable
{
    private PlanningClient? _client;

    public CliContext Context => context;

    public IAnsiConsole Console => context.Console;

    public ParseResult Parse => parse;

    public CancellationToken Cancellation => ct;

    /// <summary>True when --json asks for machine-readable output.</summary>
    public bool Json => parse.GetValue(globals.Json);

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => parse.GetValue(argument)!;

    private string? ExplicitServer => parse.GetValue(globals.Server) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>The server the client talks to, for messages; never throws.</summary>
    public string ServerDescription => ExplicitServer
        ?? (context.HttpHandlerFactory is not null && context.ServerAddress is null ? "the in-process server"
            : PlanningClientOptions.ResolveAddress(context.ServerAddress, context.Environment));

    /// <summary>--server, else the context's address, else PLANNING_SERVER or the default; normalised as the credentials file keys it.</summary>
    public string ServerAddress
    {
        get
        {
            var address = PlanningClientOptions.ResolveAddress(ExplicitServer ?? context.ServerAddress, context.Environment);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new UsageException($"'{address}' is not a server address such as http://127.0.0.1:5081");
            }
            return CredentialStore.NormaliseAddress(address);
        }
    }

    /// <summary>The credentials file: the context's, else PLANNING_CREDENTIALS, else ~/.config/planning/credentials.json.</summary>
    public CredentialStore Credentials => new(context.CredentialsPath ?? CredentialStore.DefaultPath(context.Environment));

    /// <summary>The key to send: the context's, else PLANNING_API_KEY, else the stored one for the server; null for none.</summary>
    public string? ApiKey => PlanningClientOptions.ResolveApiKey(context.ApiKey, ServerAddress, Credentials, context.Environment);

    /// <summary>The client, created on first use, sending <see cref="ApiKey"/>.</summary>
    public PlanningClient Client => _client ??= CreateClient(ApiKey);

    /// <summary>The client, sending <paramref name="apiKey"/> instead (`login` tries a key before storing it).</summary>
    public PlanningClient ClientWithKey(string apiKey) =>
        _client is null ? _client = CreateClient(apiKey) : throw new InvalidOperationException("the client already exists");

    private PlanningClient CreateClient(string? apiKey)
    {
        var timeout = parse.GetValue(globals.Timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(120);
        return new PlanningClient(new PlanningClientOptions
        {
            Address = ServerAddress,
            ApiKey = apiKey ?? "",
            Timeout = timeout,
            HttpHandler = ExplicitServer is null ? context.HttpHandlerFactory?.Invoke() : null,
        });
    }

    /// <summary>Writes a value as indented JSON, unwrapped.</summary>
    public void WriteJson(object value) => context.WriteRaw(JsonOutput.Serialize(value));

    public void Dispose() => _client?.Dispose();
}
