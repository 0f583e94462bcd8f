using System.Text;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;
using Xunit.Abstractions;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §1: a base-data run started 0–250 ms before a REPLACE import was kept, succeeded, with results
/// naming a school the new data no longer has (1 in 12 tries). Whatever the order, a replace must leave no
/// run made from the data it replaced: the run is deleted with the data, or it fails and keeps nothing.
/// </summary>
public sealed class ReplaceImportRaceTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    /// <summary>The import follows the run's start by 0, 5, 10, … 250 ms: a sweep, so the few milliseconds between the
    /// run reading its input and storing its row are hit whatever this machine's speed.</summary>
    private static readonly int[] DelaysMs = [.. Enumerable.Range(0, 51).Select(i => i * 5)];

    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());
    private readonly DatasetService.DatasetServiceClient _datasets = new(fixture.Server.CreateChannel());

    [Fact]
    public async Task ImportDataset_ReplaceWhileBaseRunsStart_NoRunOfReplacedDataKeepsResults()
    {
        // Two datasets that differ in a school code, so a run of the one names a school the other lacks.
        (Layer, byte[])[][] datasets = [Layers(new TinyDataset()), Layers(Renamed("BD-P-001", "BD-P-101"))];
        await Upload(datasets[0]);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < DelaysMs.Length; i++)
        {
            var run = Task.Run(RunOutcomeAsync);
            await Task.Delay(DelaysMs[i]);
            var import = await ImportOutcomeAsync(datasets[(i + 1) % 2]);
            var (runId, ended) = await run;
            var kept = runId is not null && await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{runId}'") == 1;
            var outcome = $"import {import}, run {ended}, {(kept ? "kept" : "deleted")}";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            output.WriteLine($"{DelaysMs[i],3} ms: {outcome}");

            await AssertNoRunOfReplacedDataAsync(outcome);
        }
        output.WriteLine(string.Join("\n", outcomes.Select(o => $"{o.Value,3} × {o.Key}")));
        // Each try ends in one of the orders the server allows, and nothing else.
        Assert.All(outcomes.Keys, o => Assert.Contains(o, new[]
        {
            "import done, run succeeded, kept",                 // the import committed before the run read its input
            "import refused: runs going, run succeeded, kept",  // the run's row was there first
            "import aborted: collided, run succeeded, kept",    // the run's row and the import in the same instant
            "import done, run aborted: collided, deleted",      // the same instant, the other way round: no run was started
            "import done, run succeeded, deleted",              // the run ended before the import, which deleted it
            "import done, run failed: dataset replaced, kept",  // the run read the old data; the import committed before its results
        }));
    }

    /// <summary>Every succeeded run is of the stored generation, and its results name only stored schools.</summary>
    private async Task AssertNoRunOfReplacedDataAsync(string outcome)
    {
        var database = fixture.Server.Database;
        var stale = await database.ScalarAsync("""
            SELECT count(*) FROM runs
            WHERE status = 'Succeeded' AND (snapshot_json->>'dataset_generation')::bigint <> (SELECT generation FROM dataset_state)
            """);
        var unknownSchools = await database.ScalarAsync(
            "SELECT count(*) FROM run_schools rs WHERE NOT EXISTS (SELECT 1 FROM schools s WHERE s.code = rs.school_code)");
        Assert.True(stale == 0 && unknownSchools == 0,
            $"after \"{outcome}\": {stale} succeeded run(s) of a replaced dataset, {unknownSchools} result row(s) naming a school no longer stored");
    }

    /// <summary>Runs on the base data; how the call ended.</summary>
    private async Task<(string? RunId, string Ended)> RunOutcomeAsync()
    {
        string? runId = null;
        try
        {
            await _calls.RunAsync(new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "race" },
                onProgress: p => runId ??= p.RunId);
            return (runId!, "succeeded");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && runId is not null)
        {
            // It succeeded, and the import deleted it before the call read it back for its summary.
            Assert.Equal($"run {runId} not found", e.Status.Detail);
            return (runId, "succeeded");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
        {
            // The run's start and the import wrote in the same instant: the start was rolled back.
            Assert.Equal("the change collided with another one made at the same time; read again and retry", e.Status.Detail);
            return (runId, "aborted: collided");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && runId is not null)
        {
            var failed = await _calls.Simulation.GetRunAsync(new GetRunRequest { Id = runId });
            Assert.Equal(RunStatus.Failed, failed.Status);
            Assert.Contains("dataset was replaced", failed.Error, StringComparison.Ordinal);
            Assert.StartsWith($"run {runId} ended failed: {failed.Error[..60]}", e.Status.Detail, StringComparison.Ordinal); // the detail is cut at 200 characters
            return (runId, "failed: dataset replaced");
        }
    }

    private async Task<string> ImportOutcomeAsync((Layer, byte[])[] dataset)
    {
        try
        {
            await Upload(dataset);
            return "done";
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Status.Detail.Contains("run(s) are going", StringComparison.Ordinal))
        {
            return "refused: runs going";
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
        {
            return "aborted: collided"; // the run's row was being written in the same instant; nothing was imported
        }
    }

    private Task Upload((Layer, byte[])[] layers) => TinyDataset.Upload(_datasets, layers);

    private static TinyDataset Renamed(string from, string to)
    {
        var tiny = new TinyDataset();
        TinyDataset.Properties(tiny.Schools, 0)["code"] = to;
        for (var i = 0; i < 3; i++)
        {
            TinyDataset.Properties(tiny.ResidentialAreas, i)["school_primary"] = to;
        }
        Assert.Equal(from, new TinyDataset().Schools["features"]![0]!["properties"]!["code"]!.GetValue<string>());
        return tiny;
    }

    private static (Layer Layer, byte[] Bytes)[] Layers(TinyDataset tiny) =>
        [.. tiny.Layers().Select(l => (l.Layer, Encoding.UTF8.GetBytes(l.Json.ToJsonString())))];
}
