using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Planning.Server.Data;

// Rows of the base dataset. Geometries are SRID 4326, longitude first.
// Terms are stored as their canonical text ("2020-autumn").

public sealed class DistrictRow
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public long Population { get; set; }
    public required MultiPolygon Boundary { get; set; }

    /// <summary>The dataset declares itself partly synthetic (reports say so).</summary>
    public bool Synthetic { get; set; }

    /// <summary>Credit lines of the dataset's sources and licences.</summary>
    public string[] Credits { get; set; } = [];
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<DistrictRow>
{
    public void Configure(EntityTypeBuilder<DistrictRow> b)
    {
        b.ToTable("districts");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.Property(x => x.Credits).HasDefaultValueSql("'{}'::text[]");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
    }
}
