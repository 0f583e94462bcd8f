using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Planning.Client.Api;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>The real server, in-process, over its own test database; migrations run at start-up.</summary>
public sealed class PlanningServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase? _database;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private PlanningServer(TestDatabase? database, string connectionString, IReadOnlyDictionary<string, string>? settings)
    {
        _database = database;
        ConnectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public TestDatabase Database => _database
        ?? throw new InvalidOperationException("this server's database is on a PrivateCluster: use ConnectionString");

    /// <summary>The server's database (on the main cluster, or on a <see cref="PrivateCluster"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>The server's last log lines (see <see cref="LogTail"/>).</summary>
    public LogTail Log { get; } = new();

    /// <summary>An admin key, made at start: what <see cref="CreateChannel()"/> sends.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Starts a server; <paramref name="settings"/> override configuration keys such as "Limits:MaxImportFeatures".</summary>
    public static async Task<PlanningServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        return await StartedAsync(new PlanningServer(database, database.ConnectionString, settings));
    }

    /// <summary>Starts a server over a fresh database on <paramref name="cluster"/>, for tests that stop PostgreSQL.</summary>
    public static async Task<PlanningServer> StartAsync(PrivateCluster cluster, IReadOnlyDictionary<string, string>? settings = null) =>
        await StartedAsync(new PlanningServer(null, await cluster.CreateDatabaseAsync(), settings));

    /// <summary>A second server over <paramref name="other"/>'s database (left in place when it stops): a restart with other settings.</summary>
    public static Task<PlanningServer> StartOnDatabaseOfAsync(PlanningServer other, IReadOnlyDictionary<string, string>? settings = null) =>
        StartedAsync(new PlanningServer(null, other.ConnectionString, settings));

    /// <summary>Starts a server on Kestrel (real sockets) at the Kestrel:Endpoints of <paramref name="settings"/>.</summary>
    public static async Task<PlanningServer> StartOnKestrelAsync(IReadOnlyDictionary<string, string> settings)
    {
        var database = await TestDatabase.CreateAsync();
        var server = new PlanningServer(database, database.ConnectionString, settings);
        try
        {
            server.UseKestrel();
            server.StartServer();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.AdminKey = await server.CreateKeyAsync(Data.Role.Admin);
        return server;
    }

    private static async Task<PlanningServer> StartedAsync(PlanningServer server)
    {
        try
        {
            _ = server.Server; // builds the host, which migrates the database
        }
        catch
        {
            await server.DisposeAsync(); // drops the database
            throw;
        }
        server.AdminKey = await server.CreateKeyAsync(Data.Role.Admin);
        return server;
    }

    /// <summary>
    /// Limits a test server has unless its settings say otherwise: the tests call far faster than any client,
    /// from one key, with many streams at once, so the per-key limits are raised; the tests of the limits set their own.
    /// The solver's MIP step (up to 35 s a Baodi term) is off: the engine's tests cover it, and
    /// MipStepTests runs it through a server with the production default.
    /// </summary>
    internal static readonly Dictionary<string, string> TestDefaults = new()
    {
        ["Limits:MaxCallsPerSecondPerKey"] = "1000000",
        ["Limits:MaxRefusedCallsPerSecondPerPeer"] = "1000000",
        ["Limits:MaxConcurrentStreamsPerKey"] = "64",
        ["Limits:MipNodes"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.UseSetting("ConnectionStrings:Planning", ConnectionString);
        // Each in-process server is a one-node cluster of its own, on a silo port of its own.
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in TestDefaults.Where(d => !_settings.ContainsKey(d.Key)).Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Makes a key of this role in the server's database and returns its secret.</summary>
    public Task<string> CreateKeyAsync(Data.Role role, string? name = null) => TestKeys.CreateAsync(Services, role, name);

    /// <summary>A gRPC channel to the in-process server, sending the admin key.</summary>
    public GrpcChannel CreateChannel() => CreateChannel(AdminKey);

    /// <summary>A gRPC channel to the in-process server sending <paramref name="apiKey"/> (none when null).</summary>
    public GrpcChannel CreateChannel(string? apiKey) => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    }.WithApiKey(Server.BaseAddress.ToString(), apiKey));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>One server and database per test class (xunit class fixture).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public PlanningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PlanningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
