using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class RunTermRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int TermIndex { get; set; }
    public required string Term { get; set; }
    public int Students { get; set; }
    public int SchoolsOverSize { get; set; }
    public int GradesOverClassLimit { get; set; }
    public int SeatsShort { get; set; }
    public int StudentsMoved { get; set; }
    public double MeanDistanceM { get; set; }
    public double MaxDistanceM { get; set; }
    public double OptimalityGap { get; set; }
    public double SolveSeconds { get; set; }
}

internal sealed class RunTermConfiguration : IEntityTypeConfiguration<RunTermRow>
{
    public void Configure(EntityTypeBuilder<RunTermRow> b)
    {
        b.ToTable("run_terms");
        b.HasIndex(x => new { x.RunId, x.TermIndex }).IsUnique();
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
