using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planning.Server.Data;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<ScenarioRow>
{
    public void Configure(EntityTypeBuilder<ScenarioRow> b)
    {
        b.ToTable("scenarios");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.SettingsJson).HasColumnType("jsonb");
        b.Property(x => x.ChangesJson).HasColumnType("jsonb");
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
    }
}

internal sealed class RunConfiguration : IEntityTypeConfiguration<RunRow>
{
    public void Configure(EntityTypeBuilder<RunRow> b)
    {
        b.ToTable("runs");
        b.Property(x => x.Label).HasMaxLength(100);
        b.Property(x => x.InputJson).HasColumnType("jsonb");
        b.HasIndex(x => x.ScenarioId);
        b.HasIndex(x => x.QueuedAt);
        b.HasOne<ScenarioRow>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Result tables: each row belongs to a run and goes with it.</summary>
internal sealed class RunResultConfiguration :
    IEntityTypeConfiguration<RunTermRow>, IEntityTypeConfiguration<RunSchoolRow>,
    IEntityTypeConfiguration<RunPlacementRow>, IEntityTypeConfiguration<RunAssignmentRow>,
    IEntityTypeConfiguration<RunViolationRow>, IEntityTypeConfiguration<RunCatchmentRow>
{
    public void Configure(EntityTypeBuilder<RunTermRow> b)
    {
        b.ToTable("run_terms");
        b.HasIndex(x => new { x.RunId, x.TermIndex }).IsUnique();
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RunSchoolRow> b)
    {
        b.ToTable("run_schools");
        b.HasIndex(x => new { x.RunId, x.Term, x.SchoolCode }).IsUnique();
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RunPlacementRow> b)
    {
        b.ToTable("run_placements");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RunAssignmentRow> b)
    {
        b.ToTable("run_assignments");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RunViolationRow> b)
    {
        b.ToTable("run_violations");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RunCatchmentRow> b)
    {
        b.ToTable("run_catchments");
        b.Property(x => x.Boundary).HasColumnType("geometry (geometry, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
        b.HasIndex(x => new { x.RunId, x.Term, x.Part });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
