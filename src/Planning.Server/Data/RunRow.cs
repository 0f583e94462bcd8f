using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Simulation;

namespace Planning.Server.Data;

public enum RunStatus { Running, Succeeded, Cancelled, Failed, Interrupted, Queued }

public sealed class RunRow
{
    /// <summary>Runs still computing or waiting in line: their rows must not go.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<RunRow, bool>> Unfinished =
        r => r.Status == RunStatus.Running || r.Status == RunStatus.Queued;

    public Guid Id { get; set; }
    public Guid? ScenarioId { get; set; }
    public RunMode Mode { get; set; }
    public string Label { get; set; } = "";
    public RunStatus Status { get; set; }
    public string Error { get; set; } = "";
    /// <summary>When the run was asked for.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>When computing began; null while it waits in line.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>What the run was computed from and what its assessment needs (Runs.RunSnapshot), frozen when it started.</summary>
    public string SnapshotJson { get; set; } = "";
    /// <summary>The snapshot's format; 0 for runs stored before snapshots (the engine's input only), upgraded at start-up.</summary>
    public int SnapshotFormat { get; set; }
    /// <summary>The API key that started the run (null for runs stored before keys were recorded).</summary>
    public Guid? KeyId { get; set; }
    /// <summary>That key's name when the run started, kept when the key is renamed or revoked.</summary>
    public string StartedBy { get; set; } = "";
    /// <summary>The cluster node (Orleans silo address) computing the run, or that computed it last; "" before any.</summary>
    public string Node { get; set; } = "";
    /// <summary>How many times a node began computing it: more than 1 when a node stopped and another took it over.</summary>
    public int Attempt { get; set; }
    /// <summary>Longest <see cref="Solver"/> stored; a longer build name is cut.</summary>
    public const int SolverLength = 100;

    /// <summary>The engine build that computed the stored results (<see cref="Engine.Simulation.SolverBuild"/>); "" for a run without results, or stored before builds were recorded.</summary>
    public string Solver { get; set; } = "";
}

internal sealed class RunConfiguration : IEntityTypeConfiguration<RunRow>
{
    public void Configure(EntityTypeBuilder<RunRow> b)
    {
        b.ToTable("runs");
        b.Property(x => x.Label).HasMaxLength(100);
        b.Property(x => x.SnapshotJson).HasColumnType("jsonb");
        b.Property(x => x.StartedBy).HasMaxLength(100);
        b.Property(x => x.Node).HasMaxLength(100);
        b.Property(x => x.Solver).HasMaxLength(RunRow.SolverLength);
        b.HasIndex(x => new { x.Status, x.KeyId });
        b.HasIndex(x => x.ScenarioId);
        b.HasIndex(x => x.QueuedAt);
        b.HasOne<ScenarioRow>().WithMany().HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Cascade);
    }
}
