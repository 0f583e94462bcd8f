using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Cluster;

/// <summary>
/// Three server processes on loopback ports over one database: a three-node cluster, each node computing one run at a
/// time, with the Baodi data (xunit class fixture). The first node migrates the database; the others join it.
/// </summary>
public sealed class ThreeNodes : IAsyncLifetime
{
    private static readonly Dictionary<string, string> OneRunEach = new()
    {
        ["Limits__MaxConcurrentRuns"] = "1",
        // Three nodes and their solvers share two cores here: a longer probe timeout keeps a starved node from being declared dead.
        ["Cluster__ProbeSeconds"] = "5",
    };

    public TestDatabase Database { get; private set; } = null!;

    public IReadOnlyList<ServerProcess> Nodes { get; private set; } = [];

    public string Key { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var first = await ServerProcess.StartAsync(Database.ConnectionString, OneRunEach);
        Nodes = [first];
        Nodes = [first, .. await Task.WhenAll(
            ServerProcess.StartAsync(Database.ConnectionString, OneRunEach),
            ServerProcess.StartAsync(Database.ConnectionString, OneRunEach))];
        Key = await first.CreateKeyAsync(Data.Role.Admin);
        using var channel = first.CreateChannel(Key);
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
    }

    /// <summary>Run calls through node <paramref name="index"/>.</summary>
    public Simulation.RunCalls Calls(int index) => new(Nodes[index].CreateChannel(Key));

    /// <summary>The node whose silo computed (or computes) the run.</summary>
    public int NodeOf(Run run) =>
        Enumerable.Range(0, Nodes.Count).SingleOrDefault(i => Nodes[i].Computed(run), -1) is var i and >= 0
            ? i
            : throw new Xunit.Sdk.XunitException($"no node of the cluster is \"{run.Node}\"");

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
