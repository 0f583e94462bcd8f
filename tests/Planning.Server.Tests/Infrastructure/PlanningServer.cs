using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>The real server, in-process, over its own test database; migrations run at start-up.</summary>
public sealed class PlanningServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private PlanningServer(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        _database = database;
        _settings = settings;
    }

    public TestDatabase Database => _database;

    /// <summary>Starts a server; <paramref name="settings"/> override configuration keys such as "Limits:MaxImportFeatures".</summary>
    public static async Task<PlanningServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new PlanningServer(await TestDatabase.CreateAsync(), settings ?? new Dictionary<string, string>());
        _ = server.Server; // builds the host, which migrates the database
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Planning", _database.ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A gRPC channel to the in-process server.</summary>
    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>One server and database per test class (xunit class fixture).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public PlanningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PlanningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
