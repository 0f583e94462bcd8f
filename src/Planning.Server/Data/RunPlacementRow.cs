using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class RunPlacementRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public string? AreaCode { get; set; }
    public int Grade { get; set; }
    public required string SchoolCode { get; set; }
    public int Students { get; set; }
}

internal sealed class RunPlacementConfiguration : IEntityTypeConfiguration<RunPlacementRow>
{
    public void Configure(EntityTypeBuilder<RunPlacementRow> b)
    {
        b.ToTable("run_placements");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
