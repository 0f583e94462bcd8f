using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class RunViolationRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string Kind { get; set; }
    public string? SchoolCode { get; set; }
    public int Grade { get; set; }
    public int Students { get; set; }
    public int Limit { get; set; }
    public int Excess { get; set; }
    public required string[] AreaCodes { get; set; }
}

internal sealed class RunViolationConfiguration : IEntityTypeConfiguration<RunViolationRow>
{
    public void Configure(EntityTypeBuilder<RunViolationRow> b)
    {
        b.ToTable("run_violations");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
