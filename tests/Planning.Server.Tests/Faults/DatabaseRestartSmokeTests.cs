using System.Diagnostics;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Xunit.Abstractions;

namespace Planning.Server.Tests.Faults;

/// <summary>
/// The in-process server over a <see cref="PrivateCluster"/> that is stopped and started again:
/// calls fail UNAVAILABLE while it is down and work again afterwards, without restarting the server.
/// </summary>
public sealed class DatabaseRestartSmokeTests(PrivateCluster cluster, ITestOutputHelper output) : IClassFixture<PrivateCluster>
{
    [Fact]
    public async Task ListSchools_ClusterStoppedThenStarted_UnavailableThenServesAgain()
    {
        await using var server = await PlanningServer.StartAsync(cluster);
        var schools = await ImportedAsync(server);

        await cluster.StopAsync();
        var down = await RpcAssert.FailsAsync(() => schools.ListSchoolsAsync(new ListSchoolsRequest()).ResponseAsync, StatusCode.Unavailable);
        output.WriteLine($"while stopped: {down.StatusCode}: {down.Status.Detail}");
        await cluster.StartAsync();

        await ServedAgainAsync(schools);
    }

    /// <summary>No call while it is down: the pooled connections the restart cut are only found out afterwards.</summary>
    [Fact]
    public async Task ListSchools_ClusterRestartedWhileIdle_ServesAgain()
    {
        await using var server = await PlanningServer.StartAsync(cluster);
        var schools = await ImportedAsync(server);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => schools.ListSchoolsAsync(new ListSchoolsRequest()).ResponseAsync));

        await cluster.StopAsync();
        await cluster.StartAsync();

        await ServedAgainAsync(schools);
    }

    private static async Task<SchoolService.SchoolServiceClient> ImportedAsync(PlanningServer server)
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(server.CreateChannel()));
        var schools = new SchoolService.SchoolServiceClient(server.CreateChannel());
        Assert.Equal(2, (await schools.ListSchoolsAsync(new ListSchoolsRequest())).Schools.Count);
        return schools;
    }

    /// <summary>Calls until one works (10 s at most); the ones that fail before must say UNAVAILABLE.</summary>
    private async Task ServedAgainAsync(SchoolService.SchoolServiceClient schools)
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<RpcException>();
        ListSchoolsResponse? reply = null;
        while (reply is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                reply = await schools.ListSchoolsAsync(new ListSchoolsRequest());
            }
            catch (RpcException e)
            {
                failures.Add(e);
                output.WriteLine($"after the start, {watch.ElapsedMilliseconds} ms: {e.StatusCode}: {e.Status.Detail}");
                await Task.Delay(250);
            }
        }
        output.WriteLine($"after the start, {failures.Count} call(s) failed before one worked");

        Assert.True(reply is not null, $"still failing 10 s after the cluster started: {failures.LastOrDefault()?.Status}");
        Assert.Equal(2, reply.Schools.Count);
        Assert.All(failures, e => Assert.Equal(StatusCode.Unavailable, e.StatusCode));
    }
}
