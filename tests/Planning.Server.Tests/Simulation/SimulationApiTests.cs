using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>Runs through gRPC against PostGIS on the Baodi data: stream, results, cancel, compare.</summary>
public sealed class SimulationApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly RunCalls _calls = new(fixture.Server.CreateChannel());

    public async Task InitializeAsync() =>
        await TinyDataset.Upload(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()), TinyDataset.BaodiLayers());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunSimulation_BaodiPlan_StreamsProgressAndReachesZeroViolationsOnceNewSchoolsOpen()
    {
        var scenario = await _calls.ScenarioAsync();

        var (progress, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario, Label = "after" });

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["2020-autumn", "2021-spring", "2021-autumn", "2022-spring", "2022-autumn"], run.Terms);
        Assert.All(progress, p => Assert.Equal(run.Id, p.RunId));
        Assert.Contains(progress, p => p.Term == "2021-autumn");
        Assert.True(progress.Select(p => p.Percent).SequenceEqual(progress.Select(p => p.Percent).Order()), "progress must not go back");
        // DOMAIN.md: every school ≤ 2,000 (nine-year 2,500) and every class ≤ 45 / 50 once the new schools are open.
        foreach (var summary in run.Summaries.Where(s => s.Term is "2021-autumn" or "2022-spring" or "2022-autumn"))
        {
            Assert.Equal(0, summary.SchoolsOverSize);
            Assert.Equal(0, summary.GradesOverClassLimit);
            Assert.Equal(0, summary.SeatsShort);
        }
    }

    [Fact]
    public async Task RunSimulation_KeepCurrent_ShowsTheOverloadBeforeRedistribution()
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent, Label = "before" });

        var first = run.Summaries[0];
        Assert.True(first.SchoolsOverSize >= 3, $"{first.SchoolsOverSize} schools over 2,000 in the base term");
        Assert.True(first.GradesOverClassLimit > 0);
        Assert.True(first.Students is > 55_000 and < 70_000, $"{first.Students} students");
    }

    [Fact]
    public async Task GetTermResult_AfterRun_SchoolTotalsAddUpAndEveryAreaAssigned()
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = await _calls.ScenarioAsync("2021-autumn") });

        var result = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = "2021-autumn" });

        Assert.Equal(result.Summary.Students, result.Schools.Sum(s => s.Total));
        Assert.All(result.Schools, s => Assert.Equal(s.Total, s.Enrolment.Sum()));
        // DOMAIN.md: classes of at most 45 (grades 1–6) / 50 (grades 7–9) in the school's tracks (rooms).
        Assert.All(result.Schools.Where(s => s.Open), s =>
        {
            for (var g = 0; g < 9; g++)
            {
                var tracks = g < 6 ? s.PrimaryTracks : s.JuniorTracks;
                Assert.True(s.Enrolment[g] <= tracks * (g < 6 ? 45 : 50),
                    $"{s.SchoolCode} grade {g + 1}: {s.Enrolment[g]} students in {tracks} tracks");
                Assert.True(s.Classes[g] <= tracks, $"{s.SchoolCode} grade {g + 1}: {s.Classes[g]} classes, {tracks} tracks");
            }
        });
        Assert.True(result.Assignments.Count > 900);
        Assert.All(result.Assignments.Where(a => a.Students.Take(6).Sum() > 0), a => Assert.NotEmpty(a.SchoolPrimaryCode));
        Assert.Equal(result.Summary.Students, result.Assignments.Sum(a => a.Students.Sum()));
    }

    [Fact]
    public async Task GetCatchments_AfterRun_OneFeaturePerServingSchool()
    {
        var (_, run) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = await _calls.ScenarioAsync("2021-autumn") });
        var result = await _calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = "2021-autumn" });

        var catchments = await _calls.Simulation.GetCatchmentsAsync(new GetCatchmentsRequest
        {
            RunId = run.Id, Term = "2021-autumn", Part = SchoolPart.Primary,
        });

        var serving = result.Assignments.Select(a => a.SchoolPrimaryCode).Where(c => c.Length > 0).Distinct().Count();
        Assert.Equal(serving, catchments.FeatureCount);
        var json = System.Text.Json.Nodes.JsonNode.Parse(catchments.FeatureCollectionGeojson)!;
        Assert.Equal(serving, json["features"]!.AsArray().Count);
        Assert.All(json["features"]!.AsArray(), f => Assert.True(f!["properties"]!["parts"]!.GetValue<int>() >= 1));

        // The same catchments as files, through ExportLayer.
        var dataset = new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel());
        foreach (var format in new[] { ExportFormat.Geojson, ExportFormat.Geopackage })
        {
            using var call = dataset.ExportLayer(new ExportLayerRequest
            {
                Layer = Layer.Catchments, Format = format, RunId = run.Id, Term = "2021-autumn", Part = SchoolPart.Primary,
            });
            var chunks = await call.ResponseStream.ReadAllAsync().ToListAsync();
            Assert.Equal(serving, chunks[0].FeatureCount);
            Assert.True(chunks.Sum(c => c.Data.Length) > 1000);
        }
    }

    [Fact]
    public async Task RunSimulation_CallerCancelsWithCancelOnDisconnect_RunCancelledWithNoResultRows()
    {
        var scenario = await _calls.ScenarioAsync("2035-autumn", "long");
        using var cts = new CancellationTokenSource();
        using var call = _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario, CancelOnDisconnect = true },
            cancellationToken: cts.Token);

        string? runId = null;
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cts.Token))
            {
                runId ??= message.Progress?.RunId;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        Assert.NotNull(runId);
        var run = await _calls.WaitUntilEndedAsync(runId);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("cancelled by the caller", run.Error);
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM run_terms WHERE run_id = '{runId}'"));
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM run_placements WHERE run_id = '{runId}'"));
    }

    /// <summary>Issue 16: a caller that goes away no longer cancels the run; watching it again replays every event from the first.</summary>
    [Fact]
    public async Task RunSimulation_CallerGoesAwayThenWatchesAgain_RunGoesOnAndWatchGetsTheWholeRun()
    {
        var scenario = await _calls.ScenarioAsync("2021-autumn");
        using var cts = new CancellationTokenSource();
        var seen = new List<RunProgress>();
        using (var call = _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = scenario }, cancellationToken: cts.Token))
        {
            await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(cts.Token))
                {
                    seen.Add(message.Progress);
                    if (message.Progress.Term.Length > 0)
                    {
                        await cts.CancelAsync(); // gone once the run computes
                    }
                }
            });
        }

        var (watched, finished) = await _calls.WatchAsync(seen[0].RunId);
        var (resumed, again) = await _calls.WatchAsync(seen[0].RunId, after: seen[^1].Sequence);

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal(["2020-autumn", "2021-spring", "2021-autumn"], finished.Terms);
        // The whole journal, numbered 1, 2, … and the same on every watch: what the first call saw comes first.
        var events = watched.Where(p => p.Sequence > 0).DistinctBy(p => p.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(p => p.Sequence));
        Assert.Equal(seen.Last().Message, events.Single(p => p.Sequence == seen.Last().Sequence).Message);
        Assert.Contains(events, p => p.Message == "term 3 of 3");
        Assert.Equal(events.Where(p => p.Sequence > seen[^1].Sequence).Select(p => p.Message), resumed.Select(p => p.Message));
        Assert.Equal(finished.Id, again.Id);
        Assert.Equal(finished.Summaries, again.Summaries);
    }

    [Fact]
    public async Task CompareRuns_BeforeAndAfter_FlowsMatchMovedStudents()
    {
        var (_, before) = await _calls.RunAsync(new RunSimulationRequest { Mode = V1.RunMode.KeepCurrent });
        var (_, after) = await _calls.RunAsync(new RunSimulationRequest { ScenarioId = await _calls.ScenarioAsync("2021-autumn") });

        var comparison = await _calls.Simulation.CompareRunsAsync(new CompareRunsRequest { RunA = before.Id, RunB = after.Id });

        var term = comparison.Terms.Single(t => t.Term == "2021-autumn");
        Assert.NotEmpty(term.Flows);
        Assert.NotEmpty(term.ChangedAreaCodes);
        Assert.All(term.Flows, f => Assert.NotEqual(f.FromSchoolCode, f.ToSchoolCode));
        Assert.True(term.A.SchoolsOverSize + term.A.GradesOverClassLimit > term.B.SchoolsOverSize + term.B.GradesOverClassLimit);
    }

    [Fact]
    public async Task CreateScenario_UnknownSchoolAndBadTerm_EveryViolationNamed()
    {
        var request = new CreateScenarioRequest
        {
            Name = "bad",
            Settings = new ScenarioSettings { HorizonTerm = "2019-autumn" },
            Changes =
            {
                new ScenarioChange { ExpandSchool = new ExpandSchool { SchoolCode = "BD-P-001", FromTerm = "next year", AddPrimaryTracks = 2 } },
                new ScenarioChange { CloseSchool = new CloseSchool { SchoolCode = "BD-P-404", FromTerm = "2021-autumn" } },
            },
        };

        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.CreateScenarioAsync(request).ResponseAsync, StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToList();
        Assert.Contains("settings.horizon_term", fields);
        Assert.Contains("changes[0].expand_school.from_term", fields);
        Assert.Contains("changes[1].school_code", fields); // named as in the request, though change 0 was dropped
    }

    [Fact]
    public async Task CreateScenario_BadResourceAdditions_RejectedBeforeStoring()
    {
        var before = await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM scenarios");
        var request = new CreateScenarioRequest
        {
            Name = "resources",
            Changes =
            {
                new ScenarioChange { AddResources = new AddResources
                {
                    SchoolCode = "BD-P-404", Added = new Resources { Part = SchoolPart.Primary, FromTerm = "2021-autumn", TeachersPeArt = 2 },
                } },
                new ScenarioChange { AddResources = new AddResources
                {
                    SchoolCode = "BD-P-001", Added = new Resources { FromTerm = "2021-autumn", EquipmentValueYuan = -5 },
                } },
            },
        };

        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.CreateScenarioAsync(request).ResponseAsync, StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToList();
        Assert.Contains("changes[1].add_resources.added.part", fields);
        Assert.Contains("changes[1].add_resources.added.equipment_value_yuan", fields);
        Assert.Equal(before, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM scenarios"));
    }

    [Fact]
    public async Task CreateScenario_ResourcesForUnknownSchool_Rejected()
    {
        var request = new CreateScenarioRequest
        {
            Name = "resources",
            Changes =
            {
                new ScenarioChange { AddResources = new AddResources
                {
                    SchoolCode = "BD-P-404", Added = new Resources { Part = SchoolPart.Primary, FromTerm = "2021-autumn", TeachersPeArt = 2 },
                } },
            },
        };

        var e = await RpcAssert.FailsAsync(() => _calls.Scenarios.CreateScenarioAsync(request).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "changes[0].add_resources.school_code");
    }

    [Fact]
    public async Task GetRun_UnknownOrMalformedId_NotFoundOrInvalid()
    {
        await RpcAssert.FailsAsync(() => _calls.Simulation.GetRunAsync(new GetRunRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync,
            StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => _calls.Simulation.GetRunAsync(new GetRunRequest { Id = "run-1" }).ResponseAsync,
            StatusCode.InvalidArgument);
        await RpcAssert.FailsAsync(() => _calls.Simulation.RunSimulation(new RunSimulationRequest { ScenarioId = Guid.NewGuid().ToString() })
            .ResponseStream.MoveNext(), StatusCode.NotFound);
    }
}
