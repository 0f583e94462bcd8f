using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// The real server on Kestrel at a free loopback port: HTTP/2 framing, header compression, flow control and
/// connection limits as a remote client meets them, which the in-process test host does not have.
/// </summary>
public class SocketServer : IAsyncLifetime
{
    public PlanningServer Server { get; private set; } = null!;

    /// <summary>The gRPC endpoint, e.g. http://127.0.0.1:12345.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Configuration the server starts with, on top of its endpoints.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Address = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>(Settings)
        {
            ["Kestrel:Endpoints:Grpc:Url"] = Address,
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        Server = await PlanningServer.StartOnKestrelAsync(settings);
    }

    /// <summary>A channel over its own sockets, sending <paramref name="apiKey"/> (the admin key when null).</summary>
    public GrpcChannel Channel(string? apiKey = null) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }
            .WithApiKey(Address, apiKey ?? Server.AdminKey));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
