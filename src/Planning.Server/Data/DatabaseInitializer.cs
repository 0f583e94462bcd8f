using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Planning.Server.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations, then reloads types so PostGIS types are known on a fresh database.</summary>
    public static async Task MigrateAsync(PlanningDb db, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.GetDbConnection() is NpgsqlConnection connection)
            {
                await connection.OpenAsync(ct);
                await connection.ReloadTypesAsync(ct);
                await connection.CloseAsync();
            }
        });
    }
}
