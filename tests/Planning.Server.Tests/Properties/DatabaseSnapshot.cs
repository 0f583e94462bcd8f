using Npgsql;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Row counts and a content checksum (every column plus xmin, so a rewrite of an
/// unchanged row shows too) of the tables a rejected call must not touch.
/// </summary>
public sealed record DatabaseSnapshot(string Text)
{
    private static readonly string[] Tables =
    [
        "districts", "admin_areas", "schools", "school_capacity", "school_resources", "residential_areas",
        "dataset_imports", "scenarios", "runs",
    ];

    private static readonly string Sql = "SELECT " + string.Join(" || ' ' || ", Tables.Select(t =>
        $"'{t}=' || (SELECT count(*) FROM {t}) || ':' || " +
        $"left(md5(coalesce((SELECT string_agg(x::text || '@' || x.xmin::text, '|' ORDER BY x::text) FROM {t} x), '')), 12)"));

    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        return new DatabaseSnapshot((string)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>The tables whose count or content differ, e.g. "scenarios=1:… → scenarios=2:…".</summary>
    public string Diff(DatabaseSnapshot after) => string.Join(", ", Text.Split(' ').Zip(after.Text.Split(' '))
        .Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}"));

    public override string ToString() => Text;
}
