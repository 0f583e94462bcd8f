using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planning.Server.Data;

public sealed class PlanningDb(DbContextOptions<PlanningDb> options) : DbContext(options)
{
    public DbSet<District> Districts => Set<District>();
    public DbSet<AdminArea> AdminAreas => Set<AdminArea>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<CapacityStep> CapacitySteps => Set<CapacityStep>();
    public DbSet<ResourceEntry> ResourceEntries => Set<ResourceEntry>();
    public DbSet<ResidentialArea> ResidentialAreas => Set<ResidentialArea>();
    public DbSet<DatasetImport> DatasetImports => Set<DatasetImport>();
    public DbSet<ScenarioRow> Scenarios => Set<ScenarioRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<RunTermRow> RunTerms => Set<RunTermRow>();
    public DbSet<RunSchoolRow> RunSchools => Set<RunSchoolRow>();
    public DbSet<RunPlacementRow> RunPlacements => Set<RunPlacementRow>();
    public DbSet<RunAssignmentRow> RunAssignments => Set<RunAssignmentRow>();
    public DbSet<RunViolationRow> RunViolations => Set<RunViolationRow>();
    public DbSet<RunCatchmentRow> RunCatchments => Set<RunCatchmentRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    /// <summary>
    /// Saves an edit of the base data. The data then no longer equals any imported file set,
    /// so the import fingerprint goes in the same transaction: re-importing the files restores them.
    /// </summary>
    public async Task SaveEditAsync(CancellationToken ct)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
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

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable("districts");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
    }
}

internal sealed class AdminAreaConfiguration : IEntityTypeConfiguration<AdminArea>
{
    public void Configure(EntityTypeBuilder<AdminArea> b)
    {
        b.ToTable("admin_areas");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.ToTable("schools");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Location).HasColumnType("geometry (point, 4326)");
        b.HasIndex(x => x.Location).HasMethod("gist");
        b.HasIndex(x => x.AdminAreaId);
        b.HasOne(x => x.AdminArea).WithMany().HasForeignKey(x => x.AdminAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Capacity).WithOne().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Resources).WithOne().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.ToTable(t => t.HasCheckConstraint("ck_schools_enrolment", "cardinality(enrolment) = 9 AND 0 <= ALL(enrolment)"));
    }
}

internal sealed class CapacityStepConfiguration : IEntityTypeConfiguration<CapacityStep>
{
    public void Configure(EntityTypeBuilder<CapacityStep> b)
    {
        b.ToTable("school_capacity", t =>
            t.HasCheckConstraint("ck_school_capacity_tracks", "primary_tracks >= 0 AND junior_tracks >= 0"));
        b.Property(x => x.FromTerm).HasMaxLength(16);
        b.HasIndex(x => new { x.SchoolId, x.FromTerm }).IsUnique();
    }
}

internal sealed class ResourceEntryConfiguration : IEntityTypeConfiguration<ResourceEntry>
{
    public void Configure(EntityTypeBuilder<ResourceEntry> b)
    {
        b.ToTable("school_resources");
        b.Property(x => x.FromTerm).HasMaxLength(16);
        b.HasIndex(x => new { x.SchoolId, x.Part, x.FromTerm }).IsUnique();
    }
}

internal sealed class ResidentialAreaConfiguration : IEntityTypeConfiguration<ResidentialArea>
{
    public void Configure(EntityTypeBuilder<ResidentialArea> b)
    {
        b.ToTable("residential_areas", t =>
        {
            t.HasCheckConstraint("ck_residential_areas_counts", "population >= 0 AND households >= 0");
            t.HasCheckConstraint("ck_residential_areas_students",
                "students IS NULL OR (cardinality(students) = 9 AND 0 <= ALL(students))");
        });
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.OccupiedFrom).HasMaxLength(16);
        b.Property(x => x.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        b.Property(x => x.Centroid).HasColumnType("geometry (point, 4326)");
        b.HasIndex(x => x.Boundary).HasMethod("gist");
        b.HasIndex(x => x.AdminAreaId);
        b.HasIndex(x => x.SchoolPrimaryId);
        b.HasIndex(x => x.SchoolJuniorId);
        b.HasOne(x => x.AdminArea).WithMany().HasForeignKey(x => x.AdminAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SchoolPrimary).WithMany().HasForeignKey(x => x.SchoolPrimaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SchoolJunior).WithMany().HasForeignKey(x => x.SchoolJuniorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
    }
}

internal sealed class DatasetImportConfiguration : IEntityTypeConfiguration<DatasetImport>
{
    public void Configure(EntityTypeBuilder<DatasetImport> b)
    {
        b.ToTable("dataset_imports");
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
