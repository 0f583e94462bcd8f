using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class RunTermRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int TermIndex { get; set; }
    public required string Term { get; set; }
    public int Students { get; set; }
    public int SchoolsOverSize { get; set; }
    public int GradesOverClassLimit { get; set; }
    public int SeatsShort { get; set; }
    public int StudentsMoved { get; set; }
    public double MeanDistanceM { get; set; }
    public double MaxDistanceM { get; set; }
    public double OptimalityGap { get; set; }
    public double SolveSeconds { get; set; }
    /// <summary>Enclaves over every catchment of the term (0 for runs stored before the adjacency).</summary>
    public int Enclaves { get; set; }
    /// <summary>Pins and locks that could not be held this term.</summary>
    public int ConstraintIssues { get; set; }
    public string SolveMethod { get; set; } = "";
    public double Objective { get; set; }
    public double LowerBound { get; set; }
    public string BoundKind { get; set; } = "";
    public string BoundMethod { get; set; } = "";
    public double BoundSeconds { get; set; }
    public long OverflowPupils { get; set; }
    public long MinimumOverflowBound { get; set; }
    /// <summary>The objective by level and kind of cost (Runs.BreakdownRecord list) as JSON; null for runs stored before it was kept.</summary>
    public string? BreakdownJson { get; set; }
}

internal sealed class RunTermConfiguration : IEntityTypeConfiguration<RunTermRow>
{
    public void Configure(EntityTypeBuilder<RunTermRow> b)
    {
        b.ToTable("run_terms");
        b.Property(x => x.SolveMethod).HasMaxLength(40);
        b.Property(x => x.BoundKind).HasMaxLength(40);
        b.Property(x => x.BoundMethod).HasMaxLength(200);
        b.Property(x => x.BreakdownJson).HasColumnName("breakdown").HasColumnType("jsonb");
        b.HasIndex(x => new { x.RunId, x.TermIndex }).IsUnique();
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
