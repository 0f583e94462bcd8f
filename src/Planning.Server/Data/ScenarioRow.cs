using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

// Scenarios and simulation runs. A run keeps the exact input it was computed
// from (SnapshotJson), so it can be reproduced; its results are written in one
// transaction when it succeeds and not at all otherwise.

public sealed class ScenarioRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Which shape the two JSON columns have: 2 is Scenarios.ScenarioRecords; 1 was the contract's JSON, upgraded at start-up.</summary>
    public int Format { get; set; } = 2;
    /// <summary>The settings record (Scenarios.SettingsRecord) as JSON.</summary>
    public required string SettingsJson { get; set; }
    /// <summary>The change records (Scenarios.ChangeRecord) as a JSON array, in order.</summary>
    public required string ChangesJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<ScenarioRow>
{
    public void Configure(EntityTypeBuilder<ScenarioRow> b)
    {
        b.ToTable("scenarios");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Format).HasDefaultValue(1); // rows from before the column are format 1
        b.Property(x => x.SettingsJson).HasColumnType("jsonb");
        b.Property(x => x.ChangesJson).HasColumnType("jsonb");
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
    }
}
