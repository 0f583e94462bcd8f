using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class RunSchoolRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string SchoolCode { get; set; }
    public bool Open { get; set; }
    public int Students { get; set; }
    public int SizeLimit { get; set; }
    public int PrimaryTracks { get; set; }
    public int JuniorTracks { get; set; }
    public required int[] Enrolment { get; set; }
    public required int[] Classes { get; set; }
    public required int[] LargestClass { get; set; }
}

internal sealed class RunSchoolConfiguration : IEntityTypeConfiguration<RunSchoolRow>
{
    public void Configure(EntityTypeBuilder<RunSchoolRow> b)
    {
        b.ToTable("run_schools");
        b.HasIndex(x => new { x.RunId, x.Term, x.SchoolCode }).IsUnique();
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
