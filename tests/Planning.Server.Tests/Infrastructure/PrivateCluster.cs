using Npgsql;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// A second private PostGIS cluster (scripts/db with PLANNING_PG_CLUSTER) of its own, for tests
/// that stop PostgreSQL while the main cluster keeps serving every other test. Each instance has a
/// unique name and a free port, so parallel test classes never share one; disposing wipes it.
/// Usable as an xunit class fixture.
/// </summary>
public sealed class PrivateCluster : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    public string Name { get; } = $"test-{Guid.NewGuid():N}"[..13];

    public int Port { get; } = FreePort.Next();

    /// <summary>The cluster's "postgres" database, as `scripts/db url postgres` prints it.</summary>
    public string MaintenanceConnectionString { get; private set; } = "";

    /// <summary>Creates the cluster and starts it.</summary>
    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
            MaintenanceConnectionString = (await DbAsync("url", "postgres")).Trim();
        }
        catch
        {
            await DisposeAsync(); // leave no half-made cluster running
            throw;
        }
    }

    /// <summary>`scripts/db start`: waits until PostgreSQL accepts connections.</summary>
    public Task StartAsync() => DbAsync("start");

    /// <summary>`scripts/db stop` (fast shutdown: open connections are cut).</summary>
    public Task StopAsync() => DbAsync("stop");

    /// <summary>Creates a fresh database on this cluster and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"planning_test_{Guid.NewGuid():N}";
        // Unpooled: a pooled connection from before a stop would be cut, and fail its next use.
        var unpooled = new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync() => await DbAsync("wipe");

    private Task<string> DbAsync(params string[] arguments) => ChildProcess.RunAsync(
        "bash", [Path.Combine(RepoPaths.Root, "scripts", "db"), .. arguments],
        new Dictionary<string, string>
        {
            ["PLANNING_PG_CLUSTER"] = Name,
            ["PLANNING_PG_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ScriptTimeout);
}
