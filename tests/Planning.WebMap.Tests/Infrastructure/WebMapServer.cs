using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>
/// The real server over Kestrel (not TestServer: the browser needs a socket) on two free loopback
/// ports: the web endpoint (page + gRPC-Web, HTTP/1.1) and the native gRPC endpoint (HTTP/2) that
/// the test itself calls. Its own fresh database; static files from src/Planning.Server/wwwroot.
/// </summary>
public sealed class WebMapServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private WebMapServer(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        _database = database;
        _settings = settings;
        WebPort = FreePort();
        GrpcPort = FreePort();
    }

    public int WebPort { get; }

    public int GrpcPort { get; }

    /// <summary>Where the browser opens the page.</summary>
    public Uri WebAddress => new($"http://127.0.0.1:{WebPort}/");

    public TestDatabase Database => _database;

    /// <summary>An admin key, made at start: sent by <see cref="CreateChannel"/> and given to the page.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Starts a server; <paramref name="settings"/> are configuration keys set over appsettings.json (e.g. a standard's limit).</summary>
    public static async Task<WebMapServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new WebMapServer(await TestDatabase.CreateAsync(), settings ?? new Dictionary<string, string>());
        try
        {
            server.UseKestrel();
            server.StartServer(); // builds the host, which migrates the database, and listens
            server.AdminKey = await TestKeys.CreateAsync(server.Services, Planning.Server.Data.Role.Admin);
            return server;
        }
        catch
        {
            await server.DisposeAsync(); // drops the database
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Planning", _database.ConnectionString);
        // Replace the endpoints of appsettings.json (5080/5081, maybe taken by a running demo server).
        builder.UseSetting("Kestrel:Endpoints:Web:Url", $"http://127.0.0.1:{WebPort}");
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", $"http://127.0.0.1:{GrpcPort}");
        // A one-node cluster of its own (the default silo port, 11111, may be a running demo server's).
        builder.UseSetting("Cluster:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The solver's MIP step (up to 35 s a Baodi term) is left to the engine's and server's tests.
        builder.UseSetting("Limits:MipNodes", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A native gRPC channel (HTTP/2 cleartext) to the server's gRPC endpoint, sending the admin key or <paramref name="key"/>.</summary>
    public GrpcChannel CreateChannel(string? key = null)
    {
        var address = $"http://127.0.0.1:{GrpcPort}";
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }.WithApiKey(address, key ?? AdminKey));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
