using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Rules;

namespace Planning.Server.Data;

public sealed class ResourceRow
{
    public long Id { get; set; }
    public long SchoolId { get; set; }
    public ResourcePart Part { get; set; }
    public required string FromTerm { get; set; }
    public double TeachersDegree { get; set; }
    public double TeachersBackbone { get; set; }
    public double TeachersPeArt { get; set; }
    public double FloorAreaM2 { get; set; }
    public double SportsAreaM2 { get; set; }
    public double EquipmentValueYuan { get; set; }
    public double MultimediaRooms { get; set; }
}

internal sealed class ResourceEntryConfiguration : IEntityTypeConfiguration<ResourceRow>
{
    public void Configure(EntityTypeBuilder<ResourceRow> b)
    {
        b.ToTable("school_resources");
        b.Property(x => x.FromTerm).HasMaxLength(16);
        b.HasIndex(x => new { x.SchoolId, x.Part, x.FromTerm }).IsUnique();
    }
}
