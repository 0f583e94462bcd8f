using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Planning.Server.Data;

public enum AdminAreaKind { Street, Town }

public sealed class AdminAreaRow
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AdminAreaKind Kind { get; set; }
    public long Population { get; set; }
    public bool Approximate { get; set; }
    public required MultiPolygon Boundary { get; set; }
}

internal sealed class AdminAreaConfiguration : IEntityTypeConfiguration<AdminAreaRow>
{
    public void Configure(EntityTypeBuilder<AdminAreaRow> b)
    {
        b.ToTable("admin_areas");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
    }
}
