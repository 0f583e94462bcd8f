using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.V1;

namespace Planning.LoadTest;

/// <summary>The generated clients over one channel (HTTP/2, several connections when streams run out).</summary>
public sealed class PlanningClients : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <summary>Clients of the server at <paramref name="address"/>, sending <paramref name="apiKey"/> on every call.</summary>
    public PlanningClients(Uri address, string apiKey)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        }.WithApiKey(address.ToString(), apiKey));
        Invoker = _channel.CreateCallInvoker();
        Simulation = new(_channel);
        Scenarios = new(_channel);
        Schools = new(_channel);
        Areas = new(_channel);
    }

    /// <summary>For calls made by hand (raw bytes), with the key as the generated clients send it.</summary>
    public Grpc.Core.CallInvoker Invoker { get; }

    public SimulationService.SimulationServiceClient Simulation { get; }

    public ScenarioService.ScenarioServiceClient Scenarios { get; }

    public SchoolService.SchoolServiceClient Schools { get; }

    public ResidentialAreaService.ResidentialAreaServiceClient Areas { get; }

    public void Dispose() => _channel.Dispose();
}
