using Npgsql;
using NpgsqlTypes;

namespace Planning.Server.Data;

/// <summary>Bulk writes through PostgreSQL's binary COPY, row by row from any sequence.</summary>
public static class BinaryCopy
{
    public static async Task CopyAsync<T>(this NpgsqlConnection connection, string target, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>Writes the value, or NULL when it is null.</summary>
    public static void WriteNullable<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
