using Grpc.Core;
using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>A caller's deadline passing during a run, over a real loopback socket.</summary>
/// <remarks>
/// On HTTP/2 the server sends a passed deadline's status trailers and then resets the stream. Kestrel writes them in
/// that order on the wire; the in-process test host may deliver the reset first, so the client would see UNAVAILABLE
/// instead of DEADLINE_EXCEEDED depending on which timer fired first. Over a socket HttpClient can still do so, rarely.
/// </remarks>
public sealed class RunDeadlineTests(RunDeadlineTests.BaodiOnSocket fixture) : IClassFixture<RunDeadlineTests.BaodiOnSocket>
{
    /// <summary>The Baodi data on a server listening on Kestrel at a free loopback port.</summary>
    public sealed class BaodiOnSocket : IAsyncLifetime
    {
        public PlanningServer Server { get; private set; } = null!;

        public GrpcChannel Channel { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var port = FreePort.Next();
            Server = await PlanningServer.StartOnKestrelAsync(new Dictionary<string, string>
            {
                ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}",
                ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            });
            var address = $"http://127.0.0.1:{port}";
            Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }
                .WithApiKey(address, Server.AdminKey));
            await TinyDataset.Upload(new DatasetService.DatasetServiceClient(Channel), TinyDataset.BaodiLayers());
        }

        public async Task DisposeAsync()
        {
            Channel.Dispose();
            await Server.DisposeAsync();
        }
    }

    private readonly RunCalls _calls = new(fixture.Channel);

    [Fact]
    public async Task RunSimulation_CallerDeadlinePassesWithCancelOnDisconnect_DeadlineExceededAndRunCancelledWithoutResults()
    {
        var scenario = await _calls.ScenarioAsync("2035-autumn", "long");

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario, CancelOnDisconnect = true },
                deadline: DateTime.UtcNow.AddSeconds(2));
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        // The caller sees DEADLINE_EXCEEDED, or UNAVAILABLE when HttpClient lets the server's reset of the
        // stream abort the read before it hands over the status trailers sent first (dotnet/runtime#57617;
        // seen once, in a clean-clone CI run on 2026-12-05). What the deadline does on the server is asserted below either way.
        Assert.True(
            e.StatusCode == StatusCode.DeadlineExceeded
                || (e.StatusCode == StatusCode.Unavailable && e.Status.DebugException is IOException { Message: "The request was aborted." }),
            e.ToString());
        var runs = await _calls.Simulation.ListRunsAsync(new ListRunsRequest { ScenarioId = scenario });
        var run = await _calls.WaitUntilEndedAsync(Assert.Single(runs.Runs).Id);
        Assert.Equal(V1.RunStatus.Cancelled, run.Status);
        Assert.Contains("deadline", run.Error);
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{run.Id}'"));
    }
}
