using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public enum AuditOutcome { Done, Denied }

public sealed class AuditEventRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public Guid? ActorKeyId { get; set; }
    public Role Role { get; set; }
    public required string Peer { get; set; }
    public required string Method { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    /// <summary>A JSON object with the particulars.</summary>
    public string DetailJson { get; set; } = "{}";
    public AuditOutcome Outcome { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEventRow>
{
    public void Configure(EntityTypeBuilder<AuditEventRow> b)
    {
        b.ToTable("audit_events");
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Peer).HasMaxLength(100);
        b.Property(x => x.Method).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Target).HasMaxLength(200);
        b.Property(x => x.DetailJson).HasColumnType("jsonb");
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.ActorKeyId);
    }
}
