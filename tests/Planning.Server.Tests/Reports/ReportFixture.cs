using Planning.Server.Tests.Cli;
using Planning.Server.Tests.Infrastructure;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>
/// The imported Baodi data with a "before" and an "after" run (RunFixture), the report the command line
/// draws of them (`planning map --run after --compare before --out report.pdf`), its text as pdftotext
/// reads it, and the server's own figures to check it against.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public const string Name = "report";

    private readonly RunFixture _runs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("planning-report-").FullName;

    public PlanningServer Server => _runs.Server;

    public string BeforeRun => _runs.BeforeRun;

    public string AfterRun => _runs.RedistributedRun;

    public string PdfPath => Path.Combine(_folder, "report.pdf");

    /// <summary>When the CLI drew the report: its date is one of these (a test that runs over midnight sees two).</summary>
    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    public CliResult Map { get; private set; } = null!;

    public IReadOnlyList<string> Pages { get; private set; } = [];

    public string Text => string.Join('\f', Pages);

    public V1.Rules Rules { get; private set; } = null!;

    public V1.District District { get; private set; } = null!;

    public V1.Run After { get; private set; } = null!;

    /// <summary>The after run in its last term, the one the report shows.</summary>
    public V1.TermResult Result { get; private set; } = null!;

    public V1.TermComparison Comparison { get; private set; } = null!;

    public V1.DistrictAssessment Assessment { get; private set; } = null!;

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        await _runs.InitializeAsync();
        var before = DateOnly.FromDateTime(DateTime.Now);
        Map = await CliHarness.RunAsync(Server, "map", "--run", AfterRun, "--compare", BeforeRun, "--out", PdfPath, "--json");
        Dates = [before, DateOnly.FromDateTime(DateTime.Now)];
        if (Map.ExitCode != 0)
        {
            throw new InvalidOperationException($"planning map failed: {Map}");
        }
        Pages = await Pdf.PagesAsync(PdfPath);
        using var channel = Server.CreateChannel();
        Rules = await new V1.RulesService.RulesServiceClient(channel).GetRulesAsync(new V1.GetRulesRequest());
        District = await new V1.GeographyService.GeographyServiceClient(channel).GetDistrictAsync(new V1.GetDistrictRequest());
        var simulation = new V1.SimulationService.SimulationServiceClient(channel);
        After = await simulation.GetRunAsync(new V1.GetRunRequest { Id = AfterRun });
        var term = After.Terms[^1];
        Result = await simulation.GetTermResultAsync(new V1.GetTermResultRequest { RunId = AfterRun, Term = term });
        Comparison = (await simulation.CompareRunsAsync(new V1.CompareRunsRequest { RunA = BeforeRun, RunB = AfterRun })).Terms.Single(t => t.Term == term);
        Assessment = await new V1.AssessmentService.AssessmentServiceClient(channel)
            .AssessDistrictAsync(new V1.AssessDistrictRequest { RunId = AfterRun, Term = term });
    }

    public async Task DisposeAsync()
    {
        await _runs.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(ReportFixture.Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>;
