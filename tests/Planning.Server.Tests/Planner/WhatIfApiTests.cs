using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Simulation;
using Planning.V1;
using static Planning.Server.Tests.Planner.PlannerDataset;

namespace Planning.Server.Tests.Planner;

/// <summary>What-if moves on a stored run, and moves saved as pins (issue 12 §2), through gRPC over PostGIS.</summary>
public sealed class WhatIfApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());
    private readonly PlannerService.PlannerServiceClient _planner = new(fixture.Server.CreateChannel());
    private Scenario _scenario = null!;
    private Run _run = null!;
    private TermResult _term = null!;

    public async Task InitializeAsync()
    {
        await ImportAsync(fixture.Server);
        _scenario = await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "what-if", Settings = Reassign() });
        (_, _run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = _scenario.Id });
        _term = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = _run.Id, Term = "2020-autumn" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private WhatIfRequest Request(params (string Area, string School)[] moves) => new()
    {
        RunId = _run.Id, Term = "2020-autumn", Moves = { moves.Select(m => new AreaMove { AreaCode = m.Area, SchoolCode = m.School }) },
    };

    [Fact]
    public async Task WhatIf_VillageToTheSmallSchool_ShiftsItsPupilsGradeByGradeAsTheRunPlacedThem()
    {
        var west = _term.Placements.Where(p => p.AreaCode == West && p.Grade <= 6).ToList();
        Assert.All(west, p => Assert.Equal(Main, p.SchoolCode));

        var answer = await _planner.WhatIfAsync(Request((West, Small)));

        var main = answer.Schools.Single(s => s.SchoolCode == Main);
        var small = answer.Schools.Single(s => s.SchoolCode == Small);
        var runMain = _term.Schools.Single(s => s.SchoolCode == Main);
        Assert.Equal(runMain.Enrolment, main.Before.Enrolment);
        for (var grade = 1; grade <= 6; grade++)
        {
            var pupils = west.Where(p => p.Grade == grade).Sum(p => p.Students);
            Assert.Equal(runMain.Enrolment[grade - 1] - pupils, main.After.Enrolment[grade - 1]);
            Assert.Equal(pupils, small.After.Enrolment[grade - 1]);
        }
        // One track: 45 seats a grade (DOMAIN.md); 201 has 60 first-graders.
        Assert.Equal(45, small.Seats[0]);
        Assert.Contains(small.ViolationsAfter, v => v.Kind == ViolationKind.ClassSize && v.Grade == 1 && v.Value == 60 && v.Limit == 45);
        Assert.Equal(west.Sum(p => p.Students), answer.PupilsMoved);
        var area = Assert.Single(answer.Areas);
        Assert.Equal((Main, Small, SchoolPart.Primary), (area.FromSchoolCode, area.ToSchoolCode, area.Part));
        Assert.Equal(_run.Summaries[0].MeanDistanceM, answer.MeanDistanceBeforeM, 6);
        Assert.True(answer.MeanDistanceAfterM > answer.MeanDistanceBeforeM);
    }

    [Fact]
    public async Task WhatIf_WestToTheFarSchool_CutsItOffAndSaysSo()
    {
        var answer = await _planner.WhatIfAsync(Request((West, Small)));

        // 202 (BD-P-001's) lies between 201 and BD-P-002's site in 203.
        var small = answer.Catchments.Single(c => c.SchoolCode == Small);
        Assert.False(small.Contiguous);
        Assert.Equal(2, small.PartsAfter);
        Assert.Equal([West], Assert.Single(small.EnclavesAfter).AreaCodes);
        Assert.True(answer.AdjacencyKnown);
    }

    [Fact]
    public async Task WhatIf_Asked_StoresNothing()
    {
        var before = await fixture.Server.Database.ScalarAsync("SELECT (SELECT count(*) FROM runs) * 1000 + (SELECT count(*) FROM scenarios)");

        await _planner.WhatIfAsync(Request((West, Small), (East, Main)));

        Assert.Equal(before, await fixture.Server.Database.ScalarAsync("SELECT (SELECT count(*) FROM runs) * 1000 + (SELECT count(*) FROM scenarios)"));
    }

    [Fact]
    public async Task WhatIf_BadMoves_NamesEachMoveAndField()
    {
        var request = Request(("NO-SUCH-AREA", Main), (West, "NO-SUCH-SCHOOL"), (West, Junior), (West, Small), (West, Main));
        request.Moves[2].Part = SchoolPart.Primary;

        var e = await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(request).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Equal(["moves[0].area_code", "moves[1].school_code", "moves[2].school_code", "moves[4]"], RpcAssert.Violations(e).Select(v => v.Field));
    }

    [Fact]
    public async Task WhatIf_UnknownLevelValue_IsRefusedByField()
    {
        var request = Request((West, Small));
        request.Moves[0].Part = (SchoolPart)9;

        var e = await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(request).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Equal("moves[0].part", Assert.Single(RpcAssert.Violations(e)).Field);
    }

    [Fact]
    public async Task WhatIf_UnknownRunOrTerm_NotFoundAndBadIdsInvalid()
    {
        await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(new WhatIfRequest { RunId = Guid.NewGuid().ToString(), Term = "2020-autumn" }).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(new WhatIfRequest { RunId = _run.Id, Term = "2024-autumn" }).ResponseAsync, StatusCode.NotFound);
        var badId = await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(new WhatIfRequest { RunId = "x", Term = "2020-autumn" }).ResponseAsync, StatusCode.InvalidArgument);
        var badTerm = await RpcAssert.FailsAsync(() => _planner.WhatIfAsync(new WhatIfRequest { RunId = _run.Id, Term = "autumn" }).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Equal("run_id", Assert.Single(RpcAssert.Violations(badId)).Field);
        Assert.Equal("term", Assert.Single(RpcAssert.Violations(badTerm)).Field);
    }

    [Fact]
    public async Task SaveMovesAsPins_NewScenario_CopiesTheRunsScenarioAddsPinsAndARunHonoursThem()
    {
        var saved = await _planner.SaveMovesAsPinsAsync(new SaveMovesAsPinsRequest
        {
            RunId = _run.Id, Term = "2021-spring", Name = "saved moves", Moves = { new AreaMove { AreaCode = East, SchoolCode = Main } },
        });

        Assert.Equal(_scenario.Settings, saved.Settings);
        Assert.Equal([Pin(East, Main, "2021-spring")], saved.Changes);
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = saved.Id });
        var spring = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = "2021-spring" });
        Assert.Equal(Main, spring.Assignments.Single(a => a.AreaCode == East).SchoolPrimaryCode);
    }

    [Fact]
    public async Task SaveMovesAsPins_AppendWithStaleVersion_IsAbortedAndStoresNothing()
    {
        var target = await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "target", Settings = Reassign() });
        var request = new SaveMovesAsPinsRequest
        {
            RunId = _run.Id, Term = "2020-autumn", ScenarioId = target.Id, Version = target.Version + 1,
            Moves = { new AreaMove { AreaCode = West, SchoolCode = Small } },
        };

        await RpcAssert.FailsAsync(() => _planner.SaveMovesAsPinsAsync(request).ResponseAsync, StatusCode.Aborted);
        request.Version = target.Version;
        var appended = await _planner.SaveMovesAsPinsAsync(request);

        Assert.Equal([Pin(West, Small)], appended.Changes);
    }

    [Fact]
    public async Task SaveMovesAsPins_MoveAgainstTheScenario_IsNamedByItsMove()
    {
        // The target scenario ends in 2020-autumn: a pin from 2021-spring is outside it.
        var target = await _calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "short", Settings = Reassign("2020-autumn") });

        var e = await RpcAssert.FailsAsync(() => _planner.SaveMovesAsPinsAsync(new SaveMovesAsPinsRequest
        {
            RunId = _run.Id, Term = "2021-spring", ScenarioId = target.Id, Version = target.Version,
            Moves = { new AreaMove { AreaCode = West, SchoolCode = Small } },
        }).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Equal("term", Assert.Single(RpcAssert.Violations(e)).Field);
    }
}
