using System.Text.RegularExpressions;
using Grpc.Core;
using Planning.Server.Tests.Cli;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>
/// The printed report's additions section (新增配置, issue 13 §2): a run whose scenario adds resources
/// lists them per school part with their amounts and terms, and the district totals per resource; a run
/// without additions has no such section.
/// </summary>
public sealed class ReportAdditionsTests
{
    private const string Primary = "BD-P-001";
    private const string Junior = "BD-J-001";

    [Fact]
    public async Task ExportReport_ScenarioAddsResources_AdditionsSectionListsEachAmountAndTheTotals()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        // Two additions to the primary school in two terms, one to the junior school: PE/art teachers in both.
        var run = await RunScenarioAsync(channel, "新增配置 测试",
            Add(Primary, new V1.Resources { Part = V1.SchoolPart.Primary, FromTerm = "2020-autumn", TeachersPeArt = 3 }),
            Add(Primary, new V1.Resources { Part = V1.SchoolPart.Primary, FromTerm = "2021-autumn", EquipmentValueYuan = 150_000, FloorAreaM2 = 420.5 }),
            Add(Junior, new V1.Resources { Part = V1.SchoolPart.Junior, FromTerm = "2021-autumn", TeachersPeArt = 2 }));
        var rules = await new V1.RulesService.RulesServiceClient(channel).GetRulesAsync(new V1.GetRulesRequest());
        string Name(V1.Indicator i) => rules.Indicators.Single(r => r.Indicator == i).NameZh;

        var pages = await ReportPagesAsync(channel, run.Id, Path.Combine(Path.GetTempPath(), $"additions-{run.Id}.pdf"));

        var primary = Section(pages, "新增配置 Additions · 小学 primary");
        Assert.Contains("大口屯镇中心小学", primary, StringComparison.Ordinal);
        Assert.Matches(Row(Primary, Name(V1.Indicator.PeArtTeachers), "3", "teachers", "2020-autumn"), primary);
        Assert.Matches(Row(Primary, Name(V1.Indicator.FloorArea), "420.5", "m²", "2021-autumn"), primary);
        Assert.Matches(Row(Primary, Name(V1.Indicator.EquipmentValue), "150,000", "yuan", "2021-autumn"), primary);
        Assert.DoesNotContain(Junior, primary, StringComparison.Ordinal);
        var junior = Section(pages, "新增配置 Additions · 初中 junior");
        Assert.Matches(Row(Junior, Name(V1.Indicator.PeArtTeachers), "2", "teachers", "2021-autumn"), junior);
        // District totals: 3 + 2 PE/art teachers at two schools; the other two at one.
        var totals = Section(pages, "新增配置合计 Additions: district totals per resource");
        Assert.Matches($@"(?m){Regex.Escape(Name(V1.Indicator.PeArtTeachers))}.*\s5\s+teachers\s+2\s*$", totals);
        Assert.Matches($@"(?m){Name(V1.Indicator.EquipmentValue)}.*\s150,000\s+yuan\s+1\s*$", totals);
        Assert.Matches($@"(?m){Name(V1.Indicator.FloorArea)}.*\s420\.5\s+m²\s+1\s*$", totals);

        // The command line fills the same model through the client library: the same section.
        var cliPath = Path.Combine(Path.GetTempPath(), $"additions-cli-{run.Id}.pdf");
        var map = await CliHarness.RunAsync(server, "map", "--run", run.Id, "--out", cliPath);
        Assert.True(map.ExitCode == 0, $"{map}");
        var cliPages = await Pdf.PagesAsync(cliPath);
        Assert.Equal(Page(pages, "新增配置 Additions · 小学 primary"), Page(cliPages, "新增配置 Additions · 小学 primary"));
        Assert.Equal(totals, Section(cliPages, "新增配置合计 Additions: district totals per resource"));
        File.Delete(cliPath);
    }

    [Fact]
    public async Task ExportReportAndCliMap_RunWithoutAdditionsAndOneAddedToItsScenarioAfterwards_NoAdditionsSection()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        var run = await RunScenarioAsync(channel, "无新增");
        // Added to the scenario after the run: not the run's (its input was frozen when it started).
        var scenarios = new V1.ScenarioService.ScenarioServiceClient(channel);
        var scenario = await scenarios.GetScenarioAsync(new V1.GetScenarioRequest { Id = run.ScenarioId });
        await scenarios.AddScenarioChangesAsync(new V1.AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version,
            Changes = { Add(Primary, new V1.Resources { Part = V1.SchoolPart.Primary, FromTerm = "2020-autumn", TeachersPeArt = 3 }) },
        });

        var pages = await ReportPagesAsync(channel, run.Id, Path.Combine(Path.GetTempPath(), $"no-additions-{run.Id}.pdf"));

        Assert.Contains(pages, p => p.Contains("国家标准评估", StringComparison.Ordinal));
        Assert.DoesNotContain(pages, p => p.Contains("新增配置", StringComparison.Ordinal));
        // The command line reads the run's additions as the server does (GetRunAdditions), not the scenario's now.
        var cliPath = Path.Combine(Path.GetTempPath(), $"no-additions-cli-{run.Id}.pdf");
        var map = await CliHarness.RunAsync(server, "map", "--run", run.Id, "--out", cliPath);
        Assert.True(map.ExitCode == 0, $"{map}");
        var cliPages = await Pdf.PagesAsync(cliPath);
        File.Delete(cliPath);
        Assert.Contains(cliPages, p => p.Contains("国家标准评估", StringComparison.Ordinal));
        Assert.DoesNotContain(cliPages, p => p.Contains("新增配置", StringComparison.Ordinal));
    }

    /// <summary>The page a table is drawn on (its title and its header row; the cover's contents name the title only).</summary>
    private static string Page(IReadOnlyList<string> pages, string title) =>
        pages.Single(p => p.Contains(title, StringComparison.Ordinal) && p.Contains("单位 unit", StringComparison.Ordinal));

    /// <summary>A table of its page: from its title to the next additions table's title.</summary>
    private static string Section(IReadOnlyList<string> pages, string title)
    {
        var page = Page(pages, title);
        var start = page.IndexOf(title, StringComparison.Ordinal);
        var next = page.IndexOf("\n新增配置", start + title.Length, StringComparison.Ordinal);
        return next < 0 ? page[start..] : page[start..next];
    }

    /// <summary>The tiny dataset imported, a scenario of it to 2021-autumn with <paramref name="changes"/>, and its keep-current run.</summary>
    private static async Task<V1.Run> RunScenarioAsync(Grpc.Net.Client.GrpcChannel channel, string name, params V1.ScenarioChange[] changes)
    {
        await new TinyDataset().ImportAsync(new V1.DatasetService.DatasetServiceClient(channel));
        var calls = new RunCalls(channel);
        var scenario = await calls.Scenarios.CreateScenarioAsync(new V1.CreateScenarioRequest
        {
            Name = name, Settings = new V1.ScenarioSettings { HorizonTerm = "2021-autumn" }, Changes = { changes },
        });
        var (_, run) = await calls.RunAsync(new V1.RunSimulationRequest { ScenarioId = scenario.Id, Mode = V1.RunMode.KeepCurrent });
        return run;
    }

    private static V1.ScenarioChange Add(string school, V1.Resources added) =>
        new() { AddResources = new V1.AddResources { SchoolCode = school, Added = added } };

    /// <summary>A table row as pdftotext lays it out: code, school, item, amount, unit and term in that order on one line.</summary>
    private static string Row(string code, string item, string amount, string unit, string term) =>
        $@"(?m)^\s*{code}\s+\S+\s+{Regex.Escape(item)}\s+{Regex.Escape(amount)}\s+{unit}\s+{term}\s*$";

    private static async Task<IReadOnlyList<string>> ReportPagesAsync(Grpc.Net.Client.GrpcChannel channel, string runId, string path)
    {
        var client = new V1.ReportService.ReportServiceClient(channel);
        using var call = client.ExportReport(new V1.ExportReportRequest { RunId = runId, Part = V1.SchoolPart.Primary, Format = V1.ReportFormat.Pdf });
        var bytes = new List<byte>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            bytes.AddRange(chunk.Data);
        }
        await File.WriteAllBytesAsync(path, [.. bytes]);
        try
        {
            return await Pdf.PagesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
