using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

/// <summary>
/// The one row (id 1) that says which base dataset is stored: every replacing import raises
/// <see cref="Generation"/> in the transaction that replaces the data, and each run records the
/// generation it was made from (Dataset.DatasetGeneration).
/// </summary>
public sealed class DatasetStateRow
{
    public const int OnlyId = 1;

    /// <summary>
    /// Taken by every change of the base data, inside its transaction: it waits for readers holding the
    /// row's share lock (a run reading its input) and makes new ones wait, so no reader sees half an edit.
    /// </summary>
    public const string LockForEditSql = "SELECT 1 FROM dataset_state FOR NO KEY UPDATE";

    public int Id { get; set; } = OnlyId;
    public long Generation { get; set; }
}

internal sealed class DatasetStateConfiguration : IEntityTypeConfiguration<DatasetStateRow>
{
    public void Configure(EntityTypeBuilder<DatasetStateRow> b)
    {
        b.ToTable("dataset_state", t => t.HasCheckConstraint("ck_dataset_state_one_row", $"id = {DatasetStateRow.OnlyId}"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new DatasetStateRow { Id = DatasetStateRow.OnlyId, Generation = 1 });
    }
}
