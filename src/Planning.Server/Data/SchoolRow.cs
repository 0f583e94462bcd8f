using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Planning.Engine.Rules;

namespace Planning.Server.Data;

public enum SchoolKind { Existing, New, Expanded }

public sealed class SchoolRow
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public SchoolLevel Level { get; set; }
    public SchoolKind Kind { get; set; }
    public long AdminAreaId { get; set; }
    public AdminAreaRow? AdminArea { get; set; }
    public required Point Location { get; set; }
    /// <summary>Students in grades 1–9 in the base term.</summary>
    public required int[] Enrolment { get; set; }
    public List<CapacityStepRow> Capacity { get; set; } = [];
    public List<ResourceRow> Resources { get; set; } = [];
    /// <summary>PostgreSQL xmin, the optimistic-concurrency token.</summary>
    public uint Version { get; set; }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<SchoolRow>
{
    public void Configure(EntityTypeBuilder<SchoolRow> b)
    {
        b.ToTable("schools");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Location).HasColumnType("geometry (point, 4326)");
        b.HasIndex(x => x.Location).HasMethod("gist");
        b.HasIndex(x => x.AdminAreaId);
        b.HasOne(x => x.AdminArea).WithMany().HasForeignKey(x => x.AdminAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Capacity).WithOne().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Resources).WithOne().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.ToTable(t => t.HasCheckConstraint("ck_schools_enrolment", "cardinality(enrolment) = 9 AND 0 <= ALL(enrolment)"));
    }
}
