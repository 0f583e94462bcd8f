using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

public sealed record ImportResult(int Districts, int AdminAreas, int Schools, int ResidentialAreas, bool Unchanged);

/// <summary>Validates an upload as a whole, then writes it in one transaction (or not at all).</summary>
public sealed class DatasetImporter(PlanningDb db, ServerLimits limits, Access.AuditLog audit)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyDictionary<string, byte[]> layers, bool replace, CancellationToken ct)
    {
        var fingerprint = Fingerprint(layers);
        if (replace && await db.DatasetImports.OrderByDescending(x => x.Id).Select(x => x.Sha256).FirstOrDefaultAsync(ct) == fingerprint)
        {
            return new ImportResult(await db.Districts.CountAsync(ct), await db.AdminAreas.CountAsync(ct),
                await db.Schools.CountAsync(ct), await db.ResidentialAreas.CountAsync(ct), Unchanged: true);
        }

        var problems = new Problems();
        if (replace)
        {
            foreach (var layer in new[] { LayerNames.District, LayerNames.AdminAreas, LayerNames.Schools, LayerNames.ResidentialAreas }
                         .Where(l => !layers.ContainsKey(l)))
            {
                problems.Add(layer, "is required when replacing the dataset (append to add features to it)");
            }
        }
        var upload = GeoJsonLayerReader.Read(layers, problems, limits.MaxImportFeatures);
        var stored = replace ? StoredCodes.None : await StoredCodes.LoadAsync(db, ct);
        DatasetValidator.Validate(upload, stored, replace, problems);
        problems.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new BulkWriter((NpgsqlConnection)db.Database.GetDbConnection());
        var (scenarios, runs, generation) = (0, 0, 0L);
        if (replace)
        {
            (scenarios, runs) = await DeletableAsync(ct);
            // A run whose input was read before this commits finds the generation changed and keeps no results.
            generation = await DatasetGeneration.RaiseAsync(db, ct);
            await writer.DeleteAllAsync(ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(DatasetStateRow.LockForEditSql, ct);
            // The data no longer matches any imported file set.
            await db.DatasetImports.ExecuteDeleteAsync(ct);
        }
        await writer.WriteAsync(upload, ct);
        await AreaAdjacency.RebuildAsync((NpgsqlConnection)db.Database.GetDbConnection(), ct);
        if (replace)
        {
            await writer.RecordImportAsync(fingerprint, ct);
        }
        audit.Add("dataset.import", "dataset", new
        {
            mode = replace ? "replace" : "append",
            sha256 = fingerprint,
            bytes = layers.Values.Sum(l => (long)l.Length),
            districts = upload.Districts.Count,
            admin_areas = upload.AdminAreas.Count,
            schools = upload.Schools.Count,
            residential_areas = upload.ResidentialAreas.Count,
            deleted_scenarios = scenarios,
            deleted_runs = runs,
            dataset_generation = replace ? generation : (long?)null,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(upload.Districts.Count, upload.AdminAreas.Count, upload.Schools.Count,
            upload.ResidentialAreas.Count, Unchanged: false);
    }

    /// <summary>
    /// Scenarios and runs go with the data they were made of (counted for the audit trail), but not
    /// while a run is going or waiting: it would lose its row under it. The lock keeps runs from
    /// starting or ending until the import is decided.
    /// </summary>
    private async Task<(int Scenarios, int Runs)> DeletableAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE scenarios, runs IN SHARE ROW EXCLUSIVE MODE", ct);
        var going = await db.Runs.CountAsync(RunRow.Unfinished, ct);
        if (going > 0)
        {
            throw new PreconditionFailedException(
                $"{going} run(s) are going or waiting, and replacing the dataset deletes every scenario and run: " +
                "let them finish or cancel them, then import again (or append)");
        }
        return (await db.Scenarios.CountAsync(ct), await db.Runs.CountAsync(ct));
    }

    private static string Fingerprint(IReadOnlyDictionary<string, byte[]> layers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in layers.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}:{bytes.Length}:"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
