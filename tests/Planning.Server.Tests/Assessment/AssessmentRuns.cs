using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// One server with the Baodi data and two stored runs from 2020-autumn to 2021-autumn, shared by
/// the assessment tests: the overload as it is (keep current) and the action plan's
/// redistribution (policy REASSIGN) with resources scheduled for one school.
/// </summary>
public sealed class AssessmentRuns : IAsyncLifetime
{
    /// <summary>宝坻区第一小学: 2,244 pupils in 8 tracks in the base term, over the 2,000 limit.</summary>
    public const string Overcrowded = "BD-P-001";

    /// <summary>The school the plan scenario adds resources to, from <see cref="AddedFrom"/> on.</summary>
    public const string Equipped = "BD-P-002";

    public const string AddedFrom = "2021-autumn";

    /// <summary>The increments the plan scenario adds to <see cref="Equipped"/>'s primary part.</summary>
    public static Resources Added => new()
    {
        Part = SchoolPart.Primary, FromTerm = AddedFrom, TeachersPeArt = 5, SportsAreaM2 = 3000, EquipmentValueYuan = 400_000,
    };

    public PlanningServer Server { get; private set; } = null!;

    public AssessmentService.AssessmentServiceClient Assessment { get; private set; } = null!;

    public SimulationService.SimulationServiceClient Simulation { get; private set; } = null!;

    public SchoolService.SchoolServiceClient Schools { get; private set; } = null!;

    /// <summary>Keep-current run: nobody moves, the new schools take no one.</summary>
    public Run Keep { get; private set; } = null!;

    /// <summary>Redistribution run with <see cref="Added"/> scheduled for <see cref="Equipped"/>.</summary>
    public Run Plan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PlanningServer.StartAsync();
        var channel = Server.CreateChannel();
        Assessment = new AssessmentService.AssessmentServiceClient(channel);
        Simulation = new SimulationService.SimulationServiceClient(channel);
        Schools = new SchoolService.SchoolServiceClient(channel);
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
        var scenarios = new ScenarioService.ScenarioServiceClient(channel);

        var asIs = await scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "as is", Settings = new ScenarioSettings { StartTerm = "2020-autumn", HorizonTerm = "2021-autumn" },
        });
        var plan = await scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "计划 2020–2021",
            Settings = new ScenarioSettings
            {
                StartTerm = "2020-autumn", HorizonTerm = "2021-autumn", Policy = Policy.Reassign, TimeLimitSeconds = 5,
            },
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = Equipped, Added = Added } } },
        });
        Keep = await RunAsync(new RunSimulationRequest { ScenarioId = asIs.Id, Mode = RunMode.KeepCurrent, Label = "before" });
        Plan = await RunAsync(new RunSimulationRequest { ScenarioId = plan.Id, Label = "after" });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Every school with its resources, through SchoolService.</summary>
    public async Task<IReadOnlyList<School>> AllSchoolsAsync()
    {
        var response = await Schools.ListSchoolsAsync(new ListSchoolsRequest { Page = new PageRequest { PageSize = 1000 } });
        return [.. response.Schools];
    }

    public Task<TermResult> TermAsync(Run run, string term) =>
        Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = term }).ResponseAsync;

    private async Task<Run> RunAsync(RunSimulationRequest request)
    {
        using var call = Simulation.RunSimulation(request);
        Run? finished = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            finished ??= message.Finished;
        }
        return finished is { Status: RunStatus.Succeeded }
            ? finished
            : throw new InvalidOperationException($"the {request.Label} run did not succeed: {finished}");
    }
}

[CollectionDefinition(Name)]
public sealed class AssessmentCollection : ICollectionFixture<AssessmentRuns>
{
    public const string Name = "assessment runs";
}
