using System.Text;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

public sealed class RunCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private PlanningServer Server => fixture.Server;

    [Fact]
    public void Run_ShortScenario_SucceedsWithEveryTerm()
    {
        var run = fixture.Redistribution.Json().RootElement;

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(["2020-autumn", "2021-spring"], run.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, run.GetProperty("summaries").GetArrayLength());
    }

    [Fact]
    public async Task Run_Table_PrintsProgressAndPerTermSummary()
    {
        var result = await CliHarness.RunAsync(Server, "run", "--scenario", fixture.ScenarioId, "--mode", "keep-current");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2021-spring", result.Output);
        Assert.Contains("%", result.Output);
        Assert.Contains("schools > limit", result.Output);
        Assert.Contains("next: planning results", result.Output);
    }

    [Fact]
    public async Task Run_Cancelled_ExitsCancelledAndServerKeepsItAsCancelled()
    {
        var scenario = await CliHarness.RunAsync(Server, "scenarios", "create", "长方案", "--horizon", "2030-autumn", "--json");
        var id = scenario.Json().RootElement.GetProperty("id").GetString()!;

        // "Ctrl+C" once the first progress line shows that the server has started the run.
        var result = await CliHarness.RunAndCancelAsync(Server, "%", "run", "--scenario", id, "--label", "cancel-me");

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled", result.Output);
        RunSummary? stored = null;
        for (var attempt = 0; attempt < 50 && stored?.Status != "cancelled"; attempt++)
        {
            await Task.Delay(100);
            var runs = await CliHarness.RunAsync(Server, "runs", "list", "--scenario", id, "--json");
            stored = runs.Json().RootElement.GetProperty("items").EnumerateArray()
                .Select(r => new RunSummary(r.GetProperty("label").GetString(), r.GetProperty("status").GetString())).SingleOrDefault();
        }
        Assert.Equal(new RunSummary("cancel-me", "cancelled"), stored);
    }

    private sealed record RunSummary(string? Label, string? Status);

    [Fact]
    public async Task Results_Term_PrintsSchoolsAndWritesCsv()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await CliHarness.RunAsync(Server, "results", fixture.RedistributedRun, "--term", "2021-spring", "--csv", csv);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("schools", result.Output);
            var lines = await File.ReadAllLinesAsync(csv, Encoding.UTF8);
            Assert.StartsWith("term,school_code,school_name", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(fixture.Dataset.Count("schools"), lines.Length - 1);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task Results_UnknownRun_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "results", Guid.NewGuid().ToString(), "--term", "2021-spring");
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Results_MissingTerm_ExitsBadUsage()
    {
        var result = await CliHarness.RunAsync(Server, "results", fixture.RedistributedRun);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Compare_BeforeAndAfter_ListsEveryTerm()
    {
        var result = await CliHarness.RunAsync(Server, "compare", fixture.BeforeRun, fixture.RedistributedRun, "--json");

        Assert.Equal(0, result.ExitCode);
        var terms = result.Json().RootElement.EnumerateArray().Select(t => t.GetProperty("term").GetString());
        Assert.Equal(["2020-autumn", "2021-spring"], terms);
    }

    /// <summary>Issue 17: a comparison says when different engine builds computed the two runs.</summary>
    [Fact]
    public async Task Compare_RunsOfDifferentBuilds_SaysSoAndNamesBoth()
    {
        var other = (await CliHarness.RunAsync(Server, "run", "--scenario", fixture.ScenarioId, "--mode", "keep-current", "--label", "older build", "--json"))
            .Json().RootElement.GetProperty("id").GetString()!;
        await Server.Database.ScalarAsync($"UPDATE runs SET solver = 'Planning.Engine 0.9.0+feedface' WHERE id = '{other}' RETURNING 1");

        var same = await CliHarness.RunAsync(Server, "compare", fixture.BeforeRun, fixture.RedistributedRun);
        var differ = await CliHarness.RunAsync(Server, "compare", fixture.BeforeRun, other);

        Assert.Equal(0, same.ExitCode);
        Assert.DoesNotContain("different engine builds", same.Output);
        Assert.Equal(0, differ.ExitCode);
        Assert.Contains("A and B were computed by different engine builds", differ.Output);
        Assert.Contains($"A by {Engine.Simulation.SolverBuild.Name}", differ.Output);
        Assert.Contains("B by Planning.Engine 0.9.0+feedface", differ.Output);
    }

    [Fact]
    public async Task Compare_TermTable_ShowsWhoMoves()
    {
        var result = await CliHarness.RunAsync(Server, "compare", fixture.BeforeRun, fixture.RedistributedRun, "--term", "2021-spring");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("who moves in 2021-spring", result.Output);
    }

    [Fact]
    public async Task RunsShow_Run_PrintsLabelAndStatus()
    {
        var result = await CliHarness.RunAsync(Server, "runs", "show", fixture.RedistributedRun);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("after", result.Output);
        Assert.Contains("succeeded", result.Output);
    }

    [Fact]
    public async Task MapPdf_Run_WritesReportWithTheRunsCatchments()
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"run-{Guid.NewGuid():N}.pdf");
        try
        {
            var result = await CliHarness.RunAsync(Server, "map", "--run", fixture.RedistributedRun, "--term", "2021-spring", "--out", pdf, "--json");

            Assert.True(result.ExitCode == 0, result.ToString());
            var json = result.Json().RootElement;
            Assert.True(json.GetProperty("catchments").GetInt32() > 0);
            Assert.Contains("2021-spring", json.GetProperty("title").GetString());
            Assert.True(json.GetProperty("file").GetProperty("pages").GetInt32() >= 4);
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
