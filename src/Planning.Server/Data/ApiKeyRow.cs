using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

// API keys and the audit trail. A key's secret is never stored, only its
// SHA-256; audit events are append-only (a trigger refuses UPDATE and DELETE).

public enum Role { Viewer, Planner, Admin }

public sealed class ApiKeyRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    /// <summary>The secret's first characters, shown in listings.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole secret.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string RevokedBy { get; set; } = "";
    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> b)
    {
        b.ToTable("api_keys");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasMaxLength(32);
        b.HasIndex(x => x.SecretHash).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.RevokedBy).HasMaxLength(200);
    }
}
