using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Planning.Engine.Rules;

namespace Planning.Server.Data;

public sealed class RunCatchmentRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public SchoolPart Part { get; set; }
    public required string SchoolCode { get; set; }
    public int Areas { get; set; }
    public int Parts { get; set; }
    public Geometry? Boundary { get; set; }
    /// <summary>The pieces cut off from the main one as JSON: [{"areas": [codes], "reason": text or null}]; empty for contiguous catchments and older runs.</summary>
    public string EnclavesJson { get; set; } = "[]";
}

internal sealed class RunCatchmentConfiguration : IEntityTypeConfiguration<RunCatchmentRow>
{
    public void Configure(EntityTypeBuilder<RunCatchmentRow> b)
    {
        b.ToTable("run_catchments");
        b.Property(x => x.Boundary).HasColumnType("geometry (geometry, 4326)");
        b.Property(x => x.EnclavesJson).HasColumnName("enclaves").HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
        b.HasIndex(x => new { x.RunId, x.Term, x.Part });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
