using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

/// <summary>Fingerprint of the last replace-import, so that re-importing the same files is a no-op.</summary>
public sealed class DatasetImportRow
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class DatasetImportConfiguration : IEntityTypeConfiguration<DatasetImportRow>
{
    public void Configure(EntityTypeBuilder<DatasetImportRow> b)
    {
        b.ToTable("dataset_imports");
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
