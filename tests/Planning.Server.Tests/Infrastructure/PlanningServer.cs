using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>The real server, in-process, over its own test database; migrations run at start-up.</summary>
public sealed class PlanningServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    private PlanningServer(TestDatabase database) => _database = database;

    public TestDatabase Database => _database;

    public static async Task<PlanningServer> StartAsync()
    {
        var server = new PlanningServer(await TestDatabase.CreateAsync());
        _ = server.Server; // builds the host, which migrates the database
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Planning", _database.ConnectionString);
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
