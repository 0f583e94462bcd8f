using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Server.Access;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// The built server as a real child process (`dotnet Planning.Server.dll`) on free loopback ports,
/// for tests that kill it. Restarts keep the ports and the database; disposing kills it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The test project references the server, so its dll (and appsettings.json) sit next to the tests.</summary>
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Planning.Server.dll");

    private readonly ChildProcess.OutputBuffer _output = new();
    private readonly int _webPort = FreePort.Next();
    /// <summary>Kept over restarts: a node that comes back on its silo port supersedes its killed self at once.</summary>
    private readonly int _siloPort = FreePort.Next();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private ServerProcess(string connectionString, IReadOnlyDictionary<string, string>? settings)
    {
        ConnectionString = connectionString;
        GrpcAddress = $"http://127.0.0.1:{FreePort.Next()}";
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }

    /// <summary>Its node-to-node port: Run.node names it ("127.0.0.1:PORT@generation").</summary>
    public int SiloPort => _siloPort;

    /// <summary>True when Run.node names this process's node (any generation).</summary>
    public bool Computed(Planning.V1.Run run) => run.Node.StartsWith($"127.0.0.1:{_siloPort}@", StringComparison.Ordinal);

    public string GrpcAddress { get; }

    /// <summary>The end of what the server printed over all its starts, for failure messages.</summary>
    public string Output => _output.Tail();

    /// <summary>
    /// Starts the server over <paramref name="connectionString"/> and waits until its health check says SERVING;
    /// <paramref name="settings"/> are more environment variables, e.g. Limits__MaxConcurrentRuns.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerProcess(connectionString, settings);
        try
        {
            await server.LaunchAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Kills it at once (SIGKILL): no shutdown code runs, as when the machine loses power.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _output.Add($"--- killed (pid {_process.Id})");
        }
    }

    /// <summary>Starts it again (killing it first if it runs) on the same ports and database.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await LaunchAsync();
    }

    /// <summary>Makes a key with the server's own console command and returns its secret.</summary>
    public Task<string> CreateKeyAsync(Data.Role role, string? name = null) =>
        KeyCommandAsync(ConnectionString, "create", "--name", name ?? $"test {Roles.Name(role)}", "--role", Roles.Name(role));

    /// <summary>Runs the server's key command (`Planning.Server.dll keys …`) on a database; returns its standard output, trimmed.</summary>
    public static async Task<string> KeyCommandAsync(string connectionString, params string[] arguments) =>
        (await ChildProcess.RunAsync(ChildProcess.Dotnet, [Dll, "keys", .. arguments],
            new Dictionary<string, string> { ["ConnectionStrings__Planning"] = connectionString }, StartTimeout)).Trim();

    /// <summary>A gRPC channel to the server sending <paramref name="apiKey"/> (none when null).</summary>
    public GrpcChannel CreateChannel(string? apiKey) => GrpcChannel.ForAddress(GrpcAddress,
        new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }.WithApiKey(GrpcAddress, apiKey));

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private async Task LaunchAsync()
    {
        _process?.Dispose();
        _output.Add($"--- starting {Dll}");
        var environment = new Dictionary<string, string>(_settings)
        {
            ["Limits__MipNodes"] = _settings.GetValueOrDefault("Limits__MipNodes", PlanningServer.TestDefaults["Limits:MipNodes"]),
            ["ConnectionStrings__Planning"] = ConnectionString,
            ["Kestrel__Endpoints__Grpc__Url"] = GrpcAddress,
            ["Kestrel__Endpoints__Web__Url"] = $"http://127.0.0.1:{_webPort.ToString(CultureInfo.InvariantCulture)}",
            ["Cluster__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
            // Orleans logs its options and every membership step at Information: the failure messages keep the rest.
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        _process = Process.Start(ChildProcess.Describe(ChildProcess.Dotnet,
            [Dll, "--contentRoot", AppContext.BaseDirectory], environment)) ?? throw new InvalidOperationException("dotnet did not start");
        _output.Attach(_process);
        await WaitUntilServingAsync(_process);
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        using var channel = GrpcChannel.ForAddress(GrpcAddress);
        var health = new Health.HealthClient(channel);
        var watch = Stopwatch.StartNew();
        var last = "no answer";
        while (watch.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"the server exited with {process.ExitCode} before serving:\n{Output}");
            }
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
                last = reply.Status.ToString();
            }
            catch (RpcException e)
            {
                last = $"{e.StatusCode}: {e.Status.Detail}";
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"the server did not say SERVING within {StartTimeout.TotalSeconds} s (last: {last}):\n{Output}");
    }
}
