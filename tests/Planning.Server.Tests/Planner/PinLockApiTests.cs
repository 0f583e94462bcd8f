using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;
using static Planning.Server.Tests.Planner.PlannerDataset;

namespace Planning.Server.Tests.Planner;

/// <summary>Pins, locks, removing and reordering changes through gRPC (issue 12 §1), over PostGIS.</summary>
public sealed class PinLockApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    public Task InitializeAsync() => ImportAsync(fixture.Server);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Scenario> CreateAsync(params ScenarioChange[] changes) =>
        await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "pins", Settings = Reassign(), Changes = { changes } });

    private Task<Scenario> AddAsync(Scenario s, params ScenarioChange[] changes) =>
        _calls.Scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest { ScenarioId = s.Id, Version = s.Version, Changes = { changes } }).ResponseAsync;

    [Fact]
    public async Task AddScenarioChanges_PinAndLock_ReadBackAsSent()
    {
        var scenario = await CreateAsync();
        var pin = Pin(West, Small);
        var lockJunior = Lock(Junior, "2021-spring", SchoolPart.Junior);

        var updated = await AddAsync(scenario, pin, lockJunior);

        var read = await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal([pin, lockJunior], read.Changes);
        Assert.NotEqual(scenario.Version, updated.Version);
    }

    [Fact]
    public async Task AddScenarioChanges_BadPinsAndLocks_NameEachChangeAndFieldAndStoreNothing()
    {
        var scenario = await CreateAsync(Pin(West, Small));

        var e = await RpcAssert.FailsAsync(() => AddAsync(scenario,
            Pin(West, Junior, part: SchoolPart.Primary),
            Pin("NO-SUCH-AREA", Main),
            Pin(Middle, "NO-SUCH-SCHOOL"),
            Pin(Middle, Main, "2021-summer"),
            Pin(Middle, Main, "2023-autumn"),
            Pin(West, Main),
            Lock("NO-SUCH-SCHOOL")), StatusCode.InvalidArgument);

        // Named by their place in the request, as the screening names them; the stored pin the sixth
        // disagrees with by its place in the scenario.
        Assert.Equal(
            [
                "changes[0].pin_area.school_code", "changes[1].pin_area.area_code", "changes[2].pin_area.school_code",
                "changes[3].pin_area.from_term", "changes[4].pin_area.from_term", "changes[5].pin_area.school_code",
                "changes[6].lock_school.school_code",
            ],
            RpcAssert.Violations(e).Select(v => v.Field).Order());
        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "changes[5].pin_area.school_code" && v.Description.Contains("scenario.changes[0]"));
        var read = await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal(scenario.Version, read.Version);
        Assert.Single(read.Changes);
    }

    [Fact]
    public async Task AddScenarioChanges_PinWithUnknownLevel_RefusedByTheScreeningAndStoresNothing()
    {
        var scenario = await CreateAsync(Pin(West, Small));

        var e = await RpcAssert.FailsAsync(() => AddAsync(scenario,
            Pin(Middle, Main),
            new ScenarioChange { PinArea = new PinArea { AreaCode = East, SchoolCode = Main, FromTerm = "2020-autumn", Part = (SchoolPart)7 } }), StatusCode.InvalidArgument);

        // Unknown enum values are refused before the handler (issue 15), named by their place in the request.
        Assert.Equal(["changes[1].pin_area.part"], RpcAssert.Violations(e).Select(v => v.Field));
        var read = await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal(scenario.Version, read.Version);
        Assert.Single(read.Changes);
    }

    [Fact]
    public async Task RemoveScenarioChanges_Pin_RemovesItAndAStaleVersionIsAborted()
    {
        var scenario = await CreateAsync(Pin(West, Small), Lock(Main));

        var removed = await _calls.Scenarios.RemoveScenarioChangesAsync(
            new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } });
        var stale = await RpcAssert.FailsAsync(() => _calls.Scenarios.RemoveScenarioChangesAsync(
            new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } }).ResponseAsync, StatusCode.Aborted);

        Assert.Equal([Lock(Main)], removed.Changes);
        Assert.Contains("changed by someone else", stale.Status.Detail);
    }

    [Fact]
    public async Task RemoveScenarioChanges_BadIndices_NamesEachAndStoresNothing()
    {
        var scenario = await CreateAsync(Pin(West, Small), Lock(Main));

        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.RemoveScenarioChangesAsync(
            new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 1, 2, -1, 1 } }).ResponseAsync,
            StatusCode.InvalidArgument);

        Assert.Equal(["indices[1]", "indices[2]", "indices[3]"], RpcAssert.Violations(e).Select(v => v.Field));
        Assert.Equal(2, (await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id })).Changes.Count);
    }

    [Fact]
    public async Task RemoveScenarioChanges_AreaAPinNeeds_IsRefusedNamingThePin()
    {
        var area = new ResidentialArea
        {
            Code = "120115101298", Name = "规划村", Kind = ResidentialAreaKind.Village, AdminAreaCode = "120115101", Population = 500,
            Households = 200, GeometryGeojson = TinyDataset.Square(117.36, 39.61, 0.02).ToJsonString(),
        };
        var scenario = await CreateAsync(
            new ScenarioChange { AddResidentialArea = new AddResidentialArea { ResidentialArea = area } }, Pin(area.Code, Small));

        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.RemoveScenarioChangesAsync(
            new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } }).ResponseAsync,
            StatusCode.InvalidArgument);

        // Once the area's change is gone, the pin is change 0.
        Assert.Equal("changes[0].pin_area.area_code", Assert.Single(RpcAssert.Violations(e)).Field);
        Assert.Equal(scenario.Version, (await _calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id })).Version);
    }

    [Fact]
    public async Task MoveScenarioChange_LastToFirst_ReordersAndOutOfRangeIsRefused()
    {
        var scenario = await CreateAsync(Pin(West, Small), Lock(Main), Pin(East, Main));

        var moved = await _calls.Scenarios.MoveScenarioChangeAsync(
            new MoveScenarioChangeRequest { ScenarioId = scenario.Id, Version = scenario.Version, FromIndex = 2, ToIndex = 0 });
        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.MoveScenarioChangeAsync(
            new MoveScenarioChangeRequest { ScenarioId = scenario.Id, Version = moved.Version, FromIndex = 3, ToIndex = 0 }).ResponseAsync,
            StatusCode.InvalidArgument);

        Assert.Equal([Pin(East, Main), Pin(West, Small), Lock(Main)], moved.Changes);
        Assert.Equal("from_index", Assert.Single(RpcAssert.Violations(e)).Field);
    }

    [Fact]
    public async Task MoveAndRemoveScenarioChanges_ScenarioWithoutChanges_NameEveryIndexAndSaySoWithTheSameWords()
    {
        var scenario = await CreateAsync();

        var move = await RpcAssert.FailsAsync(() => _calls.Scenarios.MoveScenarioChangeAsync(
            new MoveScenarioChangeRequest { ScenarioId = scenario.Id, Version = scenario.Version, FromIndex = 0, ToIndex = 0 }).ResponseAsync,
            StatusCode.InvalidArgument);
        var remove = await RpcAssert.FailsAsync(() => _calls.Scenarios.RemoveScenarioChangesAsync(
            new RemoveScenarioChangesRequest { ScenarioId = scenario.Id, Version = scenario.Version, Indices = { 0 } }).ResponseAsync,
            StatusCode.InvalidArgument);

        Assert.Equal(["from_index", "to_index"], RpcAssert.Violations(move).Select(v => v.Field));
        var removed = Assert.Single(RpcAssert.Violations(remove));
        Assert.Equal("indices[0]", removed.Field);
        Assert.All(RpcAssert.Violations(move), v => Assert.Equal(removed.Description, v.Description));
        Assert.Contains("it has none", removed.Description);
    }

    [Fact]
    public async Task RunSimulation_PinnedArea_GoesToThePinnedSchool()
    {
        var free = await CreateAsync();
        var pinned = await CreateAsync(Pin(West, Small));

        var freeTerm = await TermAsync(free, "2020-autumn");
        var pinnedTerm = await TermAsync(pinned, "2020-autumn");

        // 201's pupils are 45+ a grade, more than BD-P-002's one track: free, they stay at BD-P-001 next door.
        Assert.Equal(Main, freeTerm.Assignments.Single(a => a.AreaCode == West).SchoolPrimaryCode);
        Assert.Equal(Small, pinnedTerm.Assignments.Single(a => a.AreaCode == West).SchoolPrimaryCode);
        Assert.All(pinnedTerm.Placements.Where(p => p.AreaCode == West && p.Grade <= 6), p => Assert.Equal(Small, p.SchoolCode));
    }

    [Fact]
    public async Task RunSimulation_PinOverfillsGrades_ReportsAnIssuePerGradeNamingTheChange()
    {
        var scenario = await CreateAsync(Lock(Junior, part: SchoolPart.Junior), Pin(West, Small));

        var term = await TermAsync(scenario, "2020-autumn");

        // 201 has 60, 50, 50 and 55 pupils in grades 1, 2, 3 and 6: over BD-P-002's 45 seats a grade.
        var issues = term.ConstraintIssues;
        Assert.Equal([1, 2, 3, 6], issues.Select(i => i.Grade));
        Assert.All(issues, i =>
        {
            Assert.Equal((ConstraintIssueKind.Overfull, 1, Small, West, 45), (i.Kind, i.ChangeIndex, i.SchoolCode, i.AreaCode, i.Limit));
            Assert.Contains("changes[1] pins area " + West, i.Message);
        });
        Assert.Equal(60, issues[0].Students);
        Assert.Equal(issues.Count, term.Summary.ConstraintIssues);
        Assert.Contains(term.Violations, v => v.Kind == ViolationKind.ClassSize && v.SchoolCode == Small && v.Grade == 1);
    }

    private async Task<TermResult> TermAsync(Scenario scenario, string term)
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id });
        Assert.Equal(RunStatus.Succeeded, run.Status);
        return await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = term });
    }
}
