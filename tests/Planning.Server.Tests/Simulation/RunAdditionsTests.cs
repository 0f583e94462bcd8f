using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>
/// GetRunAdditions (issue 13: frozen per run): the AddResources changes a run was computed with, as they were when it
/// started, whatever the scenario and the schools say later.
/// </summary>
public sealed class RunAdditionsTests
{
    private const string Primary = "BD-P-001";
    private const string Junior = "BD-J-001";

    [Fact]
    public async Task GetRunAdditions_ScenarioAndSchoolEditedAfterTheRun_ReturnsTheAdditionsOfTheRunsStart()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var calls = new RunCalls(channel);
        var schools = new SchoolService.SchoolServiceClient(channel);
        // Fractions stay as sent (DOMAIN.md: full-time equivalents are real): half a backbone teacher.
        ScenarioChange[] atStart =
        [
            Add(Primary, new Resources { Part = SchoolPart.Primary, FromTerm = "2020-autumn", TeachersBackbone = 0.5 }),
            Add(Junior, new Resources { Part = SchoolPart.Junior, FromTerm = "2021-autumn", FloorAreaM2 = 420.5, EquipmentValueYuan = 150_000 }),
            Add(Primary, new Resources { Part = SchoolPart.Primary, FromTerm = "2021-autumn", MultimediaRooms = 2 }),
        ];
        var scenario = await calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "冻结的新增配置", Settings = new ScenarioSettings { HorizonTerm = "2021-autumn" }, Changes = { atStart },
        });
        var names = new Dictionary<string, string>();
        foreach (var code in new[] { Primary, Junior })
        {
            names[code] = (await schools.GetSchoolAsync(new GetSchoolRequest { Code = code })).Name;
        }
        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });

        // Afterwards: the first addition removed, another added, the primary school renamed.
        await calls.Scenarios.RemoveScenarioChangesAsync(new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } });
        var removed = await calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        await calls.Scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = removed.Version,
            Changes = { Add(Junior, new Resources { Part = SchoolPart.Junior, FromTerm = "2020-autumn", TeachersPeArt = 7 }) },
        });
        var school = await schools.GetSchoolAsync(new GetSchoolRequest { Code = Primary });
        school.Name = "改名以后的小学";
        await schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school });
        var now = await calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });

        // A viewer may read it (the same access as GetRun).
        using var viewer = server.CreateChannel(await server.CreateKeyAsync(Data.Role.Viewer));
        var frozen = await new SimulationService.SimulationServiceClient(viewer).GetRunAdditionsAsync(new GetRunAdditionsRequest { RunId = run.Id });

        Assert.Equal(Expected(atStart, names), Actual(frozen));
        Assert.NotEqual(Expected(atStart, names), Expected(now.Changes, names));
        // A run started now is computed with the scenario as it stands, under the school's new name.
        var (_, later) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });
        var laterAdditions = await calls.Simulation.GetRunAdditionsAsync(new GetRunAdditionsRequest { RunId = later.Id });
        names[Primary] = school.Name;
        Assert.Equal(Expected(now.Changes, names), Actual(laterAdditions));
    }

    [Fact]
    public async Task GetRunAdditions_BaseDataRunAndScenarioWithoutAdditions_ReturnsNone()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var calls = new RunCalls(channel);
        var scenario = await calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "无新增", Settings = new ScenarioSettings { HorizonTerm = "2021-autumn" },
        });
        var (_, baseRun) = await calls.RunAsync(new RunSimulationRequest { Mode = RunMode.KeepCurrent });
        var (_, scenarioRun) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });
        // Added after the run: not the run's.
        await calls.Scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version,
            Changes = { Add(Primary, new Resources { Part = SchoolPart.Primary, FromTerm = "2020-autumn", TeachersPeArt = 3 }) },
        });

        Assert.Empty((await calls.Simulation.GetRunAdditionsAsync(new GetRunAdditionsRequest { RunId = baseRun.Id })).Additions);
        Assert.Empty((await calls.Simulation.GetRunAdditionsAsync(new GetRunAdditionsRequest { RunId = scenarioRun.Id })).Additions);
    }

    [Fact]
    public async Task GetRunAdditions_MalformedOrUnknownRunId_InvalidArgumentNamingRunIdOrNotFound()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new SimulationService.SimulationServiceClient(channel);
        Task<RpcException> CallAsync(string runId) => Assert.ThrowsAsync<RpcException>(() =>
            client.GetRunAdditionsAsync(new GetRunAdditionsRequest { RunId = runId }).ResponseAsync);

        foreach (var malformed in new[] { "", " ", "not-a-run", "12345678-1234-1234-1234-1234567890123", "' OR 1=1 --", "\u0000", new string('f', 100_000) })
        {
            var e = await CallAsync(malformed);
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal(["run_id"], RpcAssert.Violations(e).Select(v => v.Field));
        }
        var unknown = Guid.NewGuid().ToString();
        var missing = await CallAsync(unknown);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains(unknown, missing.Status.Detail, StringComparison.Ordinal);
    }

    private static ScenarioChange Add(string school, Resources added) =>
        new() { AddResources = new AddResources { SchoolCode = school, Added = added } };

    /// <summary>
    /// The scenario's AddResources changes as a run should hold them, school by school (the run's order of schools is
    /// its own; each school's changes keep the scenario's order: the sort is stable).
    /// </summary>
    private static List<RunAddition> Expected(IEnumerable<ScenarioChange> changes, IReadOnlyDictionary<string, string> names) =>
        [.. changes.Where(c => c.ChangeCase == ScenarioChange.ChangeOneofCase.AddResources)
            .Select(c => new RunAddition { SchoolCode = c.AddResources.SchoolCode, SchoolName = names[c.AddResources.SchoolCode], Added = c.AddResources.Added })
            .OrderBy(a => a.SchoolCode, StringComparer.Ordinal)];

    private static List<RunAddition> Actual(GetRunAdditionsResponse response) =>
        [.. response.Additions.OrderBy(a => a.SchoolCode, StringComparer.Ordinal)];
}
