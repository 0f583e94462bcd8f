using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>
/// Which base dataset is stored. A replacing import raises the generation in the transaction that
/// replaces the data and deletes the runs; a run records the generation its input was read from
/// (RunSnapshot.DatasetGeneration), and its results are written only while that is still the
/// stored one. No ordering of a run and an import can then keep results of replaced data.
/// </summary>
public static class DatasetGeneration
{
    /// <summary>
    /// The stored generation, with a share lock on it until the caller's transaction ends: an import
    /// cannot replace the data while the caller reads it, and a caller waits for an import going on.
    /// </summary>
    public static async Task<long> HoldAsync(PlanningDb db, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>($"SELECT generation AS \"Value\" FROM dataset_state FOR SHARE").ToListAsync(ct)).Single();

    /// <summary>Raises the generation; call inside the transaction that replaces the dataset.</summary>
    public static async Task<long> RaiseAsync(PlanningDb db, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>($"UPDATE dataset_state SET generation = generation + 1 RETURNING generation AS \"Value\"").ToListAsync(ct)).Single();

    /// <summary>
    /// Inside the transaction that writes a run's results: locks the generation row (an import then
    /// waits until the results are in, and results wait until an import is decided) and returns why
    /// the results must not be written when the data was replaced since <paramref name="runGeneration"/>,
    /// or null when it is still the stored data.
    /// </summary>
    public static async Task<string?> LockAndCheckAsync(PlanningDb db, long runGeneration, CancellationToken ct)
    {
        var stored = await HoldAsync(db, ct);
        return stored == runGeneration
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the dataset was replaced while the run was going (it was computed from dataset generation {runGeneration}, the stored one is {stored}); no results were kept — run it again");
    }
}
