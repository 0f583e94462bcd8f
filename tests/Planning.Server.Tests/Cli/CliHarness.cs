using System.Text.Json;
using Planning.Cli;
using Planning.Server.Tests.Infrastructure;
using Spectre.Console;

namespace Planning.Server.Tests.Cli;

/// <summary>What one command line run printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output)
{
    public JsonDocument Json() => JsonDocument.Parse(Output);

    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}

/// <summary>
/// What a run sees of its user's shell: the key it is handed, its environment variables, its
/// credentials file and its standard input. Never the test process's own environment or home folder.
/// </summary>
public sealed record CliSession(string CredentialsPath)
{
    /// <summary>Sent as the context's explicit key; null: PLANNING_API_KEY of <see cref="Environment"/>, then the credentials file.</summary>
    public string? ApiKey { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string Stdin { get; init; } = "";
}

/// <summary>
/// Runs the `planning` command line in-process, its console captured, against a server. The command
/// line makes its channel itself (key, retry policy) over the in-process server's HTTP handler.
/// </summary>
public static class CliHarness
{
    /// <summary>Where runs that are handed the admin key would look for credentials: never written by them.</summary>
    private static readonly string NoCredentials = Path.Combine(Path.GetTempPath(), "planning-cli-no-credentials", "credentials.json");

    /// <summary>Runs against the in-process server with its admin key (unless the arguments say --server).</summary>
    public static Task<CliResult> RunAsync(PlanningServer server, params string[] args) =>
        RunAsync(server, AsAdmin(server), args);

    /// <summary>Runs against the in-process server as <paramref name="session"/> says.</summary>
    public static Task<CliResult> RunAsync(PlanningServer server, CliSession session, params string[] args) =>
        RunCoreAsync(server.Server.CreateHandler, server.Server.BaseAddress.ToString(), session, args);

    /// <summary>Runs against the in-process server and presses "Ctrl+C" as soon as the output shows <paramref name="marker"/>.</summary>
    public static Task<CliResult> RunAndCancelAsync(PlanningServer server, string marker, params string[] args) =>
        RunCoreAsync(server.Server.CreateHandler, server.Server.BaseAddress.ToString(), AsAdmin(server), args, marker);

    /// <summary>Runs against a server that implements nothing: every call ends UNIMPLEMENTED.</summary>
    public static Task<CliResult> RunAgainstEmptyServerAsync(params string[] args) =>
        RunCoreAsync(() => new UnimplementedHandler(), "http://empty.invalid", WithKey(""), args);

    /// <summary>Runs with no in-process server: the address comes from --server.</summary>
    public static Task<CliResult> RunWithoutServerAsync(params string[] args) =>
        RunCoreAsync(null, null, WithKey(""), args);

    /// <summary>Runs against a server listening at <paramref name="address"/> (real sockets), sending <paramref name="apiKey"/>.</summary>
    public static Task<CliResult> RunOverSocketAsync(string address, string apiKey, params string[] args) =>
        RunCoreAsync(null, address, WithKey(apiKey), args);

    /// <summary>A session handed <paramref name="apiKey"/> ("" for none), with no credentials file.</summary>
    public static CliSession WithKey(string apiKey) => new(NoCredentials) { ApiKey = apiKey };

    private static CliSession AsAdmin(PlanningServer server) => WithKey(server.AdminKey);

    private static async Task<CliResult> RunCoreAsync(
        Func<HttpMessageHandler>? handler, string? address, CliSession session, string[] args, string? cancelMarker = null)
    {
        using var cancel = new CancellationTokenSource();
        var writer = new CancellingWriter(cancelMarker, cancel);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 220;
        var context = new CliContext
        {
            Console = console,
            ServerAddress = address,
            HttpHandlerFactory = handler,
            ApiKey = session.ApiKey,
            CredentialsPath = session.CredentialsPath,
            Environment = name => session.Environment.GetValueOrDefault(name),
            Input = new StringReader(session.Stdin),
            Cancellation = cancel.Token,
        };
        var exitCode = await Planning.Cli.CommandLine.RunAsync(args, context);
        return new CliResult(exitCode, writer.ToString());
    }

    /// <summary>A TCP port on which nothing listens.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Captures the output and cancels once it contains the marker.</summary>
    private sealed class CancellingWriter(string? marker, CancellationTokenSource cancel) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        private void Check()
        {
            if (marker is not null && !cancel.IsCancellationRequested && ToString().Contains(marker, StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        }
    }

    /// <summary>Answers every gRPC call with a trailers-only UNIMPLEMENTED response, as a server without the service does.</summary>
    private sealed class UnimplementedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Version = new Version(2, 0),
                Content = new ByteArrayContent([]),
                RequestMessage = request,
            };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
            response.Headers.Add("grpc-status", "12");
            response.Headers.Add("grpc-message", $"Service is unimplemented: {request.RequestUri?.AbsolutePath}");
            return Task.FromResult(response);
        }
    }
}
