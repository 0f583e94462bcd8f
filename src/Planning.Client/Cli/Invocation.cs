using System.CommandLine;
using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Client.Cli.Output;
using Spectre.Console;

namespace Planning.Client.Cli;

/// <summary>One command being run: its parsed arguments, the console, the client and the cancellation token.</summary>
internal sealed class Invocation(CliContext context, GlobalOptions globals, ParseResult parse, CancellationToken ct) : IDisposable
{
    private GrpcChannel? _channel;
    private PlanningClient? _client;

    public CliContext Context => context;

    public IAnsiConsole Console => context.Console;

    public ParseResult Parse => parse;

    public CancellationToken Cancellation => ct;

    /// <summary>True when --json asks for machine-readable output.</summary>
    public bool Json => parse.GetValue(globals.Json);

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>The server the client talks to, for messages.</summary>
    public string ServerDescription => parse.GetValue(globals.Server) is { Length: > 0 } explicitAddress ? explicitAddress
        : context.ChannelFactory is not null ? "the in-process server"
        : PlanningClientOptions.ResolveAddress(context.ServerAddress);

    /// <summary>The client, created on first use: --server, else the context's channel, else PLANNING_SERVER or the default.</summary>
    public PlanningClient Client => _client ??= CreateClient();

    private PlanningClient CreateClient()
    {
        var timeout = parse.GetValue(globals.Timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(120);
        var explicitAddress = parse.GetValue(globals.Server);
        if (string.IsNullOrWhiteSpace(explicitAddress) && context.ChannelFactory is { } factory)
        {
            _channel = factory();
            return new PlanningClient(_channel, new PlanningClientOptions { Timeout = timeout });
        }
        var address = PlanningClientOptions.ResolveAddress(explicitAddress ?? context.ServerAddress);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new UsageException($"'{address}' is not a server address such as http://127.0.0.1:5081");
        }
        return new PlanningClient(new PlanningClientOptions { Address = address, Timeout = timeout });
    }

    /// <summary>Writes a value as indented JSON, unwrapped.</summary>
    public void WriteJson(object value) => context.WriteRaw(JsonOutput.Serialize(value));

    public void Dispose()
    {
        _client?.Dispose();
        _channel?.Dispose();
    }
}
