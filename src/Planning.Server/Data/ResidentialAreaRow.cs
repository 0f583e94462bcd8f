using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Planning.Engine.Inputs;

namespace Planning.Server.Data;

public sealed class ResidentialAreaRow
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AreaKind Kind { get; set; }
    public long AdminAreaId { get; set; }
    public AdminAreaRow? AdminArea { get; set; }
    public required MultiPolygon Boundary { get; set; }
    /// <summary>Interior point standing for where the residents live.</summary>
    public required Point Centroid { get; set; }
    public int Population { get; set; }
    public int Households { get; set; }
    public string? OccupiedFrom { get; set; }
    public double[]? OccupancyRamp { get; set; }
    public int[]? Students { get; set; }
    public long? SchoolPrimaryId { get; set; }
    public SchoolRow? SchoolPrimary { get; set; }
    public long? SchoolJuniorId { get; set; }
    public SchoolRow? SchoolJunior { get; set; }
    public uint Version { get; set; }
}

internal sealed class ResidentialAreaConfiguration : IEntityTypeConfiguration<ResidentialAreaRow>
{
    public void Configure(EntityTypeBuilder<ResidentialAreaRow> b)
    {
        b.ToTable("residential_areas", t =>
        {
            t.HasCheckConstraint("ck_residential_areas_counts", "population >= 0 AND households >= 0");
            t.HasCheckConstraint("ck_residential_areas_students",
                "students IS NULL OR (cardinality(students) = 9 AND 0 <= ALL(students))");
        });
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.OccupiedFrom).HasMaxLength(16);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.Property(x => x.Centroid).HasColumnType("geometry (point, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
        b.HasIndex(x => x.AdminAreaId);
        b.HasIndex(x => x.SchoolPrimaryId);
        b.HasIndex(x => x.SchoolJuniorId);
        b.HasOne(x => x.AdminArea).WithMany().HasForeignKey(x => x.AdminAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SchoolPrimary).WithMany().HasForeignKey(x => x.SchoolPrimaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SchoolJunior).WithMany().HasForeignKey(x => x.SchoolJuniorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
    }
}
