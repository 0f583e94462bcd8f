using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Rules;

namespace Planning.Server.Data;

/// <summary>A pin or lock that made a term of a run infeasible or could not be held (Engine.Results.ConstraintIssue).</summary>
public sealed class RunConstraintIssueRow
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Term { get; set; }
    public required string Kind { get; set; }
    public int ChangeIndex { get; set; }
    public string? AreaCode { get; set; }
    public required string SchoolCode { get; set; }
    public SchoolPart Part { get; set; }
    public int Grade { get; set; }
    public int Students { get; set; }
    public int Limit { get; set; }
    public required string Message { get; set; }
}

internal sealed class RunConstraintIssueConfiguration : IEntityTypeConfiguration<RunConstraintIssueRow>
{
    public void Configure(EntityTypeBuilder<RunConstraintIssueRow> b)
    {
        b.ToTable("run_constraint_issues");
        b.HasIndex(x => new { x.RunId, x.Term });
        b.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
