using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class CapacityStepRow
{
    public long Id { get; set; }
    public long SchoolId { get; set; }
    public required string FromTerm { get; set; }
    public int PrimaryTracks { get; set; }
    public int JuniorTracks { get; set; }
}

internal sealed class CapacityStepConfiguration : IEntityTypeConfiguration<CapacityStepRow>
{
    public void Configure(EntityTypeBuilder<CapacityStepRow> b)
    {
        b.ToTable("school_capacity", t =>
            t.HasCheckConstraint("ck_school_capacity_tracks", "primary_tracks >= 0 AND junior_tracks >= 0"));
        b.Property(x => x.FromTerm).HasMaxLength(16);
        b.HasIndex(x => new { x.SchoolId, x.FromTerm }).IsUnique();
    }
}
