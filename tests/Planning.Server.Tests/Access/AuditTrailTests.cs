using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Planning.Server.Access;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Role = Planning.Server.Data.Role;

namespace Planning.Server.Tests.Access;

/// <summary>The audit trail: every change with who, when, what and from where; refusals too; nothing else; never rewritten.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private PlanningServer _server = null!;
    private string _plannerKey = "";
    private AccessService.AccessServiceClient _access = null!;

    public async Task InitializeAsync()
    {
        _server = await PlanningServer.StartAsync();
        _plannerKey = await _server.CreateKeyAsync(Role.Planner, "李规划");
        _access = new AccessService.AccessServiceClient(_server.CreateChannel());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<AuditEvent>> EventsAsync(ListAuditEventsRequest? request = null) =>
        [.. (await _access.ListAuditEventsAsync(request ?? new ListAuditEventsRequest { Page = new PageRequest { PageSize = 1000 } })).Events];

    [Fact]
    public async Task EveryKindOfChange_OneEventEachWithActorActionAndTarget()
    {
        var admin = _server.CreateChannel();
        var planner = _server.CreateChannel(_plannerKey);
        var since = await EventsAsync();

        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(admin));
        var schools = new SchoolService.SchoolServiceClient(admin);
        var school = await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" });
        var renamed = school.Clone();
        renamed.Name = "大口屯镇第一中学";
        await schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = renamed });
        var added = school.Clone();
        (added.Id, added.Version, added.Code, added.Name, added.Lon) = (0, 0, "BD-J-900", "新校", 117.3);
        added = await schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = added });
        await schools.DeleteSchoolAsync(new DeleteSchoolRequest { Id = added.Id, Version = added.Version });
        var areas = new ResidentialAreaService.ResidentialAreaServiceClient(admin);
        var area = await areas.GetResidentialAreaAsync(new GetResidentialAreaRequest { Code = "120115101203" });
        var newArea = area.Clone();
        (newArea.Id, newArea.Version, newArea.Code, newArea.Name) = (0, 0, "120115101299", "新村");
        newArea.GeometryGeojson = TinyDataset.Square(117.21, 39.72, 0.03).ToJsonString();
        newArea = await areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = newArea });
        newArea.Name = "新村二";
        await areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = newArea });
        await areas.DeleteResidentialAreaAsync(new DeleteResidentialAreaRequest { Id = area.Id, Version = area.Version });
        var scenarios = new ScenarioService.ScenarioServiceClient(planner);
        var scenario = await scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "审计", Settings = new ScenarioSettings { HorizonTerm = "2021-autumn" },
        });
        scenario = await scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version,
            Changes =
            {
                new ScenarioChange { AddResources = new AddResources
                {
                    SchoolCode = "BD-P-001", Added = new Resources { Part = SchoolPart.Primary, FromTerm = "2021-autumn", TeachersPeArt = 2 },
                } },
            },
        });
        scenario = await scenarios.UpdateScenarioSettingsAsync(new UpdateScenarioSettingsRequest
        {
            ScenarioId = scenario.Id, Version = scenario.Version, Settings = new ScenarioSettings { HorizonTerm = "2022-autumn" },
        });
        using (var run = new SimulationService.SimulationServiceClient(planner).RunSimulation(
                   new RunSimulationRequest { ScenarioId = scenario.Id, Label = "audited" }))
        {
            await run.ResponseStream.ReadAllAsync().ToListAsync();
        }
        await scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = scenario.Id });
        var created = await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "临时", Role = V1.Role.Viewer });
        await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = created.Key.Id });

        var events = (await EventsAsync()).Where(e => since.All(s => s.Id != e.Id)).OrderBy(e => e.Id).ToList();
        Assert.Equal(
            ["dataset.import", "school.update", "school.create", "school.delete", "area.create", "area.update", "area.delete",
             "scenario.create", "scenario.change", "scenario.settings", "run.start", "scenario.delete", "key.create", "key.revoke"],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(AuditOutcome.Done, e.Outcome));
        Assert.All(events, e => Assert.Equal("in-process", e.Peer)); // TestServer has no socket; ServerKillTests sees ip:port
        Assert.Equal("school BD-J-001", events[1].Target);
        Assert.Equal("planning.v1.SchoolService/UpsertSchool", events[1].Method);
        var detail = JsonNode.Parse(events[1].DetailJson)!;
        Assert.Equal("大口屯镇中学", detail["before"]!["name"]!.GetValue<string>());
        Assert.Equal("大口屯镇第一中学", detail["after"]!["name"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(events[2].DetailJson)!["before"]);
        Assert.Equal(["school BD-J-900", "school BD-J-900"], events.Skip(2).Take(2).Select(e => e.Target));
        Assert.Equal("新村", JsonNode.Parse(events[5].DetailJson)!["before"]!["name"]!.GetValue<string>());
        Assert.Equal(["area 120115101299", "area 120115101299", "area 120115101203"], events.Skip(4).Take(3).Select(e => e.Target));
        Assert.Equal($"scenario {scenario.Id}", events[7].Target);
        Assert.Equal("BD-P-001", JsonNode.Parse(events[8].DetailJson)!["added"]![0]!["addResources"]!["schoolCode"]!.GetValue<string>());
        Assert.All(events.Skip(7).Take(5), e =>
        {
            Assert.Equal("李规划", e.Actor);
            Assert.Equal(V1.Role.Planner, e.Role);
        });
        Assert.All(events.Take(7).Concat(events.Skip(12)), e => Assert.Equal(V1.Role.Admin, e.Role));
        Assert.Equal("2022-autumn", JsonNode.Parse(events[9].DetailJson)!["after"]!["horizonTerm"]!.GetValue<string>());
        Assert.Equal($"key {created.Key.Id}", events[13].Target);
        Assert.DoesNotContain(created.Secret, string.Join("\n", events.Select(e => e.DetailJson)));
        var import = JsonNode.Parse(events[0].DetailJson)!;
        Assert.Equal(2, import["schools"]!.GetValue<int>());
        Assert.Equal(64, import["sha256"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task RejectedChange_NoEvent()
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(_server.CreateChannel()));
        var before = await EventsAsync();
        var schools = new SchoolService.SchoolServiceClient(_server.CreateChannel());
        var school = await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" });
        school.Enrolment[7] = -1;

        await RpcAssert.FailsAsync(() => schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync,
            StatusCode.InvalidArgument);
        var unknown = school.Clone();
        unknown.Id = 424242;
        unknown.Enrolment[7] = 10;
        await RpcAssert.FailsAsync(() => schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = unknown }).ResponseAsync,
            StatusCode.NotFound);

        Assert.Equal(before.Select(e => e.Id), (await EventsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task ChangeFailingAsItIsSaved_NoEventAndNoChange()
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(_server.CreateChannel()));
        // A fault injected after every check has passed and the event is added: the save itself fails.
        await _server.Database.ScalarAsync(
            "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$; "
            + "CREATE TRIGGER refuse_boom BEFORE UPDATE ON schools FOR EACH ROW WHEN (NEW.name = 'boom') EXECUTE FUNCTION refuse_boom(); "
            + "SELECT 0");
        var before = await EventsAsync();
        var schools = new SchoolService.SchoolServiceClient(_server.CreateChannel());
        var school = await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" });
        school.Name = "boom";

        await RpcAssert.FailsAsync(() => schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync, StatusCode.Internal);

        Assert.Equal(before.Select(e => e.Id), (await EventsAsync()).Select(e => e.Id));
        Assert.Equal("大口屯镇中学", (await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" })).Name);
    }

    [Fact]
    public async Task PermissionDenied_RecordedAsDeniedWithNeededRole()
    {
        var dataset = new DatasetService.DatasetServiceClient(_server.CreateChannel(_plannerKey));

        await RpcAssert.FailsAsync(() => TinyDataset.Upload(dataset, [(Layer.District, "{}"u8.ToArray())]), StatusCode.PermissionDenied);
        await _server.Services.GetRequiredService<RefusalTally>().FlushAsync(all: true, CancellationToken.None);

        var denied = (await EventsAsync()).First();
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.Equal("李规划", denied.Actor);
        Assert.Equal("planning.v1.DatasetService/ImportDataset", denied.Method);
        Assert.Equal("admin", JsonNode.Parse(denied.DetailJson)!["needed_role"]!.GetValue<string>());
        Assert.Equal(0, await _server.Database.ScalarAsync("SELECT count(*) FROM districts"));
    }

    [Fact]
    public async Task AuditEvents_UpdateOrDeleteInDatabase_Refused()
    {
        await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "x", Role = V1.Role.Viewer });

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _server.Database.ScalarAsync("UPDATE audit_events SET actor = 'someone else'"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _server.Database.ScalarAsync("DELETE FROM audit_events"));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _server.Database.ScalarAsync("TRUNCATE audit_events"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.True(await _server.Database.ScalarAsync("SELECT count(*) FROM audit_events WHERE action = 'key.create'") >= 1);
    }

    [Fact]
    public async Task ListAuditEvents_Filters_OnlyMatchingEvents()
    {
        var key = await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "filter", Role = V1.Role.Viewer });
        await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = key.Key.Id });
        var all = await EventsAsync();
        var admin = (await _access.WhoAmIAsync(new WhoAmIRequest())).Id;

        var revokes = await EventsAsync(new ListAuditEventsRequest { ActionPrefix = "key.rev" });
        var target = await EventsAsync(new ListAuditEventsRequest { Target = $"key {key.Key.Id}" });
        var byAdmin = await EventsAsync(new ListAuditEventsRequest { ActorKeyId = admin });
        var future = await EventsAsync(new ListAuditEventsRequest { Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1)) });
        var page = await _access.ListAuditEventsAsync(new ListAuditEventsRequest { Page = new PageRequest { PageSize = 1 } });

        Assert.Equal("key.revoke", Assert.Single(revokes).Action);
        Assert.Equal(["key.revoke", "key.create"], target.Select(e => e.Action));
        Assert.Equal(2, byAdmin.Count); // the tests' own keys were made by the "console", not by this key
        Assert.Empty(future);
        Assert.Equal(all.Count, page.Page.TotalCount);
        Assert.Equal(all[0].Id, Assert.Single(page.Events).Id);
        await RpcAssert.FailsAsync(() => _access.ListAuditEventsAsync(new ListAuditEventsRequest { ActorKeyId = "nope" }).ResponseAsync,
            StatusCode.InvalidArgument);
    }
}
