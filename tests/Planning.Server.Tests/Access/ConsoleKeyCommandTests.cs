using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Access;

/// <summary>The server's own key command, run as a separate process on a database, as scripts/server keys runs it.</summary>
public sealed class ConsoleKeyCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task KeysCreateThenRevoke_OnlyAdmin_SecretOnStdoutAndTheLastAdminCanGoFromTheConsole()
    {
        // A fresh database: the command applies the migrations itself.
        var secret = await ServerProcess.KeyCommandAsync(_database.ConnectionString, "create", "--name", "first admin", "--role", "admin");

        Assert.Matches("^pln_[A-Za-z0-9_-]{43}$", secret); // nothing else on standard output
        Assert.Equal(1, await _database.ScalarAsync($"SELECT count(*) FROM api_keys WHERE secret_hash = sha256('{secret}'::bytea) AND role = 'Admin'"));
        var id = await IdAsync();

        await ServerProcess.KeyCommandAsync(_database.ConnectionString, "revoke", id);

        Assert.Equal(1, await _database.ScalarAsync($"SELECT count(*) FROM api_keys WHERE id = '{id}' AND revoked_at IS NOT NULL AND revoked_by LIKE 'console: %'"));
        Assert.Equal(2, await _database.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE peer = 'console' AND actor LIKE 'console: %' AND action IN ('key.create', 'key.revoke')"));
    }

    [Fact]
    public async Task KeysCreate_BadRole_FailsAndStoresNothing()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.KeyCommandAsync(_database.ConnectionString, "create", "--name", "x", "--role", "superuser"));

        Assert.Contains("exited with 1", e.Message); // refused, not crashed or hung
        Assert.Contains("Argument 'superuser' not recognized", e.Message);

        await ServerProcess.KeyCommandAsync(_database.ConnectionString, "list"); // migrates; lists nothing
        Assert.Equal(0, await _database.ScalarAsync("SELECT count(*) FROM api_keys"));
    }

    private async Task<string> IdAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id::text FROM api_keys", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
