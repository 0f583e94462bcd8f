using System.Text.Json.Nodes;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// One server for a test class, and small districts built from <see cref="TinyDataset"/> through
/// the public API as a new user would: import, optionally a scenario, a keep-current run from
/// 2020-autumn, and the assessment of its first term (where every school holds its base enrolment).
/// </summary>
public sealed class SmallDistrict : IAsyncLifetime
{
    public const string Term = "2020-autumn";
    public const string Primary = "BD-P-001";
    public const string Junior = "BD-J-001";

    public PlanningServer Server { get; private set; } = null!;
    public Grpc.Net.Client.GrpcChannel Channel { get; private set; } = null!;
    public DatasetService.DatasetServiceClient Dataset { get; private set; } = null!;
    public SchoolService.SchoolServiceClient Schools { get; private set; } = null!;
    public AssessmentService.AssessmentServiceClient Assessment { get; private set; } = null!;
    public RunCalls Runs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlanningServer.StartAsync();
        Channel = Server.CreateChannel();
        Dataset = new DatasetService.DatasetServiceClient(Channel);
        Schools = new SchoolService.SchoolServiceClient(Channel);
        Assessment = new AssessmentService.AssessmentServiceClient(Channel);
        Runs = new RunCalls(Channel);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>The primary school's properties in <paramref name="data"/>.</summary>
    public static JsonObject PrimarySchool(TinyDataset data) => TinyDataset.Properties(data.Schools, 0);

    /// <summary>Its first resource entry.</summary>
    public static JsonObject PrimaryResources(TinyDataset data) => PrimarySchool(data)["resources"]![0]!.AsObject();

    /// <summary>
    /// The tiny district with the primary school's pupils set to <paramref name="grades16"/> in
    /// grades 1–6 and the villages' pupil counts unknown (so the enrolment is what the run starts from).
    /// </summary>
    public static TinyDataset WithPrimaryPupils(params int[] grades16)
    {
        var data = new TinyDataset();
        PrimarySchool(data)["enrolment"] = new JsonArray([.. grades16.Concat([0, 0, 0]).Select(n => (JsonNode)n)]);
        PrimarySchool(data)["tracks"]![0]!["primary"] = 8;
        for (var i = 0; i < 3; i++)
        {
            TinyDataset.Properties(data.ResidentialAreas, i)["students"] = null;
        }
        return data;
    }

    /// <summary>Imports <paramref name="data"/> (replacing the dataset) and runs it as it is, or with <paramref name="changes"/>.</summary>
    public async Task<Run> RunAsync(TinyDataset data, params ScenarioChange[] changes)
    {
        await data.ImportAsync(Dataset);
        var request = new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "small district" };
        var scenario = await Runs.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = $"small {Guid.NewGuid():N}",
            Settings = new ScenarioSettings { StartTerm = Term, HorizonTerm = "2021-spring" },
            Changes = { changes },
        });
        request.ScenarioId = scenario.Id;
        var (_, run) = await Runs.RunAsync(request);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        return run;
    }

    public async Task<SchoolPartAssessment> PartAsync(Run run, string school, SchoolPart part = SchoolPart.Primary) =>
        (await Assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = run.Id, Term = Term, SchoolCode = school }))
        .Parts.Single(p => p.Part == part);

    public Task<DistrictAssessment> DistrictAsync(Run run, string term = Term) =>
        Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = run.Id, Term = term }).ResponseAsync;

    public static IndicatorResult Of(SchoolPartAssessment part, Indicator indicator) => part.Indicators.Single(i => i.Indicator == indicator);

    public static Coefficient Of(DistrictAssessment district, SchoolPart part, Indicator indicator) =>
        district.Parts.Single(p => p.Part == part).Coefficients.Single(c => c.Indicator == indicator);
}
