using System.Text.Json;
using Planning.Server.Runs;

namespace Planning.Server.Tests.Simulation;

/// <summary>The solver settings a run records: a run stored before the MIP step existed must replay without it.</summary>
public class SnapshotSolverTests
{
    [Fact]
    public void SolverRecord_StoredBeforeTheMipStep_ReadsAsNoMipNodes()
    {
        const string stored = """{"time_limit_seconds":5,"relative_gap":0.001,"workers":2,"max_free_areas":500}""";

        var record = JsonSerializer.Deserialize<SolverRecord>(stored)!;

        Assert.Equal(0, record.MipNodes);
        Assert.Equal(500, record.MaxFreeAreas);
    }

    [Fact]
    public void SolverRecord_WithMipNodes_WrittenAndReadBack()
    {
        var json = JsonSerializer.Serialize(new SolverRecord(0.2, 0.001, 2, 500, 7));

        Assert.Contains("\"mip_nodes\":7", json);
        Assert.Equal(7, JsonSerializer.Deserialize<SolverRecord>(json)!.MipNodes);
    }
}
