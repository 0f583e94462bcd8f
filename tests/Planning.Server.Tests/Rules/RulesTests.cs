using Planning.Cli.Maps;
using Planning.Reports;
using Planning.Client.Api;
using Planning.Server.Tests.Cli;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Rules;

/// <summary>
/// GetRules serves the rules the engine holds, and a limit changed in one place (the server's
/// "Standard" configuration) is followed by the simulation, the assessment, the CLI and the maps.
/// </summary>
public sealed class RulesTests
{
    [Fact]
    public async Task GetRules_DefaultServer_ServesTheNationalStandardOfDomainMd()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();

        var rules = await new V1.RulesService.RulesServiceClient(channel).GetRulesAsync(new V1.GetRulesRequest());

        // DOMAIN.md, "Class and school size": ≤ 2,000 students (nine-year ≤ 2,500); ≤ 45 per class in
        // grades 1–6 and ≤ 50 in grades 7–9.
        Assert.Equal("national-2017", rules.Standard);
        Assert.Equal(2000, rules.SchoolSizeLimit);
        Assert.Equal(2500, rules.NineYearSizeLimit);
        Assert.Collection(rules.GradeBands,
            b => Assert.Equal((V1.SchoolPart.Primary, 1, 6, 45, 0.50), (b.Part, b.FirstGrade, b.LastGrade, b.ClassLimit, b.CoefficientCeiling)),
            b => Assert.Equal((V1.SchoolPart.Junior, 7, 9, 50, 0.45), (b.Part, b.FirstGrade, b.LastGrade, b.ClassLimit, b.CoefficientCeiling)));
        // DOMAIN.md, table of the seven indicators (primary / junior), 6 of 7 and the 7th at ≥ 85 %.
        Assert.Equal([4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3], rules.Indicators.Select(i => i.PrimaryNorm));
        Assert.Equal([5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4], rules.Indicators.Select(i => i.JuniorNorm));
        Assert.Equal([100, 100, 100, 1, 1, 1, 100], rules.Indicators.Select(i => i.PerStudents));
        // DOMAIN.md's indicators: teachers per 100, m² and yuan per student, rooms per 100; an amount is in the first word.
        Assert.Equal(["teachers", "teachers", "teachers", "m²", "m²", "yuan", "rooms"], rules.Indicators.Select(i => i.AmountUnit));
        Assert.Equal(["teachers per 100 students", "m² per student", "yuan per student", "rooms per 100 students"],
            rules.Indicators.Select(i => i.Unit).Distinct());
        Assert.Equal(Enumerable.Range(1, 7), rules.Indicators.Select(i => (int)i.Indicator));
        Assert.All(rules.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.NameZh)));
        Assert.Equal(6, rules.MinimumIndicatorsMet);
        Assert.Equal(0.85, rules.FloorShare);
        Assert.Matches(rules.TermFormat.Pattern, rules.TermFormat.Example);
        Assert.DoesNotMatch(rules.TermFormat.Pattern, "2020-Autumn");
        Assert.Equal("2020-autumn", rules.Defaults.StartTerm);
    }

    [Fact]
    public async Task LimitsChangedInTheServerConfiguration_EveryClientFollows()
    {
        // One place: the server's configuration. Class limit 35 instead of 45, school size 300 instead of 2,000.
        await using var server = await PlanningServer.StartAsync(new Dictionary<string, string>
        {
            ["Standard:PrimaryClassLimit"] = "35",
            ["Standard:SchoolSizeLimit"] = "300",
        });
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new V1.DatasetService.DatasetServiceClient(channel));

        // The contract.
        var rules = await new V1.RulesService.RulesServiceClient(channel).GetRulesAsync(new V1.GetRulesRequest());
        Assert.Equal("national-2017 (modified)", rules.Standard);
        Assert.Equal(300, rules.SchoolSizeLimit);
        Assert.Equal(35, rules.GradeBands[0].ClassLimit);
        Assert.Equal(50, rules.GradeBands[1].ClassLimit);

        // The simulation: the primary school (620 pupils, 3 tracks, grades 1 and 2 of 120 and 110) is over 300, and both grades over 3 × 35 = 105.
        var calls = new RunCalls(channel);
        var (_, run) = await calls.RunAsync(new V1.RunSimulationRequest { Mode = V1.RunMode.KeepCurrent });
        var term = await calls.Simulation.GetTermResultAsync(new V1.GetTermResultRequest { RunId = run.Id, Term = "2020-autumn" });
        var school = term.Schools.Single(s => s.SchoolCode == "BD-P-001");
        Assert.Equal(300, school.SizeLimit);
        Assert.Contains(term.Violations, v => v.Kind == V1.ViolationKind.SchoolSize && v.SchoolCode == "BD-P-001" && v.Limit == 300);
        Assert.Contains(term.Violations, v => v.Kind == V1.ViolationKind.ClassSize && v.SchoolCode == "BD-P-001" && v.Grade == 1 && v.Limit == 3 * 35);
        Assert.Contains(term.Violations, v => v.Kind == V1.ViolationKind.ClassSize && v.SchoolCode == "BD-P-001" && v.Grade == 2);
        Assert.DoesNotContain(term.Violations, v => v.Kind == V1.ViolationKind.ClassSize && v.Grade == 3);

        // The assessment.
        var assessed = await new V1.AssessmentService.AssessmentServiceClient(channel)
            .AssessSchoolAsync(new V1.AssessSchoolRequest { RunId = run.Id, Term = "2020-autumn", SchoolCode = "BD-P-001" });
        // Grade 1: 120 pupils in 3 classes of 40, over 35 (with the national 45 it would pass).
        Assert.False(assessed.Parts[0].SizeOk);
        Assert.False(assessed.Parts[0].ClassesOk);

        // The command line.
        var cliRules = await CliHarness.RunAsync(server, "rules", "--json");
        Assert.Equal(0, cliRules.ExitCode);
        Assert.Equal(300, cliRules.Json().RootElement.GetProperty("schoolSizeLimit").GetInt32());
        var list = await CliHarness.RunAsync(server, "schools", "list");
        Assert.Matches(@"BD-P-001.*\b620\b.*\b300\b", list.Output);

        // The maps: symbols and the size legend are scaled to the limit, and the base-data violations use 35.
        using var client = new PlanningClient(channel);
        var data = await new MapDataLoader(client).LoadAsync(new MapRequest(V1.SchoolPart.Primary));
        var map = ReportMaps.Map(data, data.Scene, V1.SchoolPart.Primary, ReportView.District);
        Assert.Equal(300, map.SizeLimit);
        Assert.Contains("在校生 students: 75 / 150 / 300", MapLegend.Texts(map.SizeLimit));
        var violations = ReportTables.Violations(data, data.Scene);
        Assert.Contains(violations.Rows, r => r[1] == "BD-P-001" && r[3] == "1" && r[5] == "105");
    }

    [Fact]
    public async Task UnusableStandardInConfiguration_ServerRefusesToStartNamingIt()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PlanningServer.StartAsync(new Dictionary<string, string>
        {
            ["Standard:JuniorClassLimit"] = "0",
        }));

        Assert.Contains("junior_class_limit must be > 0", Flatten(e));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";
}
