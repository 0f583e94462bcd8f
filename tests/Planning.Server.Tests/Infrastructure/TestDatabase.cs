using Npgsql;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// A fresh database on the private PostGIS cluster (PLANNING_TEST_DB, set by scripts/test),
/// dropped again at the end. Without the cluster the tests fail; they never skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _maintenance;

    private TestDatabase(string maintenance, string name)
    {
        _maintenance = maintenance;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var maintenance = Environment.GetEnvironmentVariable("PLANNING_TEST_DB");
        if (string.IsNullOrWhiteSpace(maintenance))
        {
            throw new InvalidOperationException(
                "PLANNING_TEST_DB is not set. These tests need the private PostGIS cluster: run scripts/test.");
        }
        var database = new TestDatabase(maintenance, $"planning_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database.Name}", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>Runs a scalar query, e.g. a row count, straight on the database.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Runs a query returning one text value, e.g. rows as JSON, straight on the database.</summary>
    public async Task<string> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
