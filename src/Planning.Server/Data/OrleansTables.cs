namespace Planning.Server.Data;

/// <summary>
/// Orleans' own tables (membership, grain state, reminders) from its PostgreSQL scripts in Data/Orleans, created by the
/// migration "Cluster" so that a fresh database needs nothing but the server's start.
/// </summary>
public static class OrleansTables
{
    /// <summary>The scripts in the order Orleans documents: the query table first, then each provider's.</summary>
    private static readonly string[] Scripts =
        ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql"];

    public static IEnumerable<string> CreateScripts() => Scripts.Select(Read);

    public const string DropScript = """
        DROP TABLE IF EXISTS orleansreminderstable, orleansstorage, orleansmembershiptable, orleansmembershipversiontable, orleansquery;
        DROP FUNCTION IF EXISTS update_i_am_alive_time, insert_membership_version, insert_membership, update_membership,
            writetostorage, upsert_reminder_row, delete_reminder_row;
        """;

    private static string Read(string name)
    {
        using var stream = typeof(OrleansTables).Assembly.GetManifestResourceStream($"Planning.Server.Data.Orleans.{name}")
            ?? throw new InvalidOperationException($"the Orleans script {name} is not embedded in the server");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
