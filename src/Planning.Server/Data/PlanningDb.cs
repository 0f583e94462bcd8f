using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Planning.Server.Data;

public sealed class PlanningDb(DbContextOptions<PlanningDb> options) : DbContext(options)
{
    public DbSet<DistrictRow> Districts => Set<DistrictRow>();
    public DbSet<AdminAreaRow> AdminAreas => Set<AdminAreaRow>();
    public DbSet<SchoolRow> Schools => Set<SchoolRow>();
    public DbSet<ResidentialAreaRow> ResidentialAreas => Set<ResidentialAreaRow>();
    public DbSet<AreaAdjacencyRow> AreaAdjacency => Set<AreaAdjacencyRow>();
    public DbSet<DatasetImportRow> DatasetImports => Set<DatasetImportRow>();
    public DbSet<DatasetStateRow> DatasetState => Set<DatasetStateRow>();
    public DbSet<ScenarioRow> Scenarios => Set<ScenarioRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<RunTermRow> RunTerms => Set<RunTermRow>();
    public DbSet<RunSchoolRow> RunSchools => Set<RunSchoolRow>();
    public DbSet<RunPlacementRow> RunPlacements => Set<RunPlacementRow>();
    public DbSet<RunAssignmentRow> RunAssignments => Set<RunAssignmentRow>();
    public DbSet<RunViolationRow> RunViolations => Set<RunViolationRow>();
    public DbSet<RunCatchmentRow> RunCatchments => Set<RunCatchmentRow>();
    public DbSet<RunConstraintIssueRow> RunConstraintIssues => Set<RunConstraintIssueRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    /// <summary>
    /// Saves an edit of the base data. The data then no longer equals any imported file set,
    /// so the import fingerprint goes in the same transaction: re-importing the files restores them.
    /// A run reading its input meanwhile sees the data before or after the edit, never half of it.
    /// </summary>
    public async Task SaveEditAsync(CancellationToken ct)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await Database.ExecuteSqlRawAsync(DatasetStateRow.LockForEditSql, ct);
        await DatasetImports.ExecuteDeleteAsync(ct);
        await SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanningDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in psql and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }
}
