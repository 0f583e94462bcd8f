using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

/// <summary>
/// Two neighbouring residential areas, once (area_id &lt; neighbour_id): computed with PostGIS when data is
/// imported or an area is edited (Dataset.AreaAdjacency holds the rule), gone with either area.
/// </summary>
public sealed class AreaAdjacencyRow
{
    public long AreaId { get; set; }
    public long NeighbourId { get; set; }
    /// <summary>Shortest distance between the two polygons, metres (0 when they share a boundary).</summary>
    public double GapM { get; set; }
    /// <summary>How far they face each other across at most the gap allowed, metres.</summary>
    public double FrontageM { get; set; }
}

internal sealed class AreaAdjacencyConfiguration : IEntityTypeConfiguration<AreaAdjacencyRow>
{
    public void Configure(EntityTypeBuilder<AreaAdjacencyRow> b)
    {
        b.ToTable("area_adjacency", t => t.HasCheckConstraint("ck_area_adjacency_order", "area_id < neighbour_id"));
        b.HasKey(x => new { x.AreaId, x.NeighbourId });
        b.HasIndex(x => x.NeighbourId);
        b.HasOne<ResidentialAreaRow>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResidentialAreaRow>().WithMany().HasForeignKey(x => x.NeighbourId).OnDelete(DeleteBehavior.Cascade);
    }
}
