using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Rules;

namespace Planning.Server.Data;

public sealed class RunAssignmentRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string AreaCode { get; set; }
    public SchoolPart Part { get; set; }
    public required string SchoolCode { get; set; }
    public double Share { get; set; }
    public double DistanceM { get; set; }
}

internal sealed class RunAssignmentConfiguration : IEntityTypeConfiguration<RunAssignmentRow>
{
    public void Configure(EntityTypeBuilder<RunAssignmentRow> b)
    {
        b.ToTable("run_assignments");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
