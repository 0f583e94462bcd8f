using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Role = Planning.Server.Data.Role;

namespace Planning.Server.Tests.Access;

/// <summary>Two people editing the same thing at once, each with a key of their own: one wins, the other is told, nothing is lost.</summary>
public sealed class ConcurrentEditTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task UpdateScenarioSettings_TwoPlannersAtOnce_OneWinsOtherAbortedOnlyWinnerAudited()
    {
        var first = new ScenarioService.ScenarioServiceClient(fixture.Server.CreateChannel(await fixture.Server.CreateKeyAsync(Role.Planner, "张一")));
        var second = new ScenarioService.ScenarioServiceClient(fixture.Server.CreateChannel(await fixture.Server.CreateKeyAsync(Role.Planner, "王二")));
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));
        var scenario = await first.CreateScenarioAsync(new CreateScenarioRequest { Name = "争议方案" });
        var read = await second.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });

        // Both send an update based on the same version, at the same moment.
        var updates = new[] { (first, "2021-autumn"), (second, "2022-autumn") }.Select(async u =>
        {
            try
            {
                return (Horizon: u.Item2, Status: StatusCode.OK, Saved: await u.Item1.UpdateScenarioSettingsAsync(new UpdateScenarioSettingsRequest
                {
                    ScenarioId = read.Id, Version = read.Version, Settings = new ScenarioSettings { HorizonTerm = u.Item2 },
                }));
            }
            catch (RpcException e)
            {
                return (Horizon: u.Item2, Status: e.StatusCode, Saved: (Scenario?)null);
            }
        });
        var results = await Task.WhenAll(updates);

        var won = Assert.Single(results, r => r.Status == StatusCode.OK);
        Assert.Equal(StatusCode.Aborted, Assert.Single(results, r => r.Status != StatusCode.OK).Status);
        var stored = await first.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        Assert.Equal(won.Horizon, stored.Settings.HorizonTerm);
        Assert.Equal(won.Saved!.Version, stored.Version);
        var audited = await new AccessService.AccessServiceClient(fixture.Server.CreateChannel()).ListAuditEventsAsync(
            new ListAuditEventsRequest { Target = $"scenario {scenario.Id}", ActionPrefix = "scenario.settings" });
        var winner = Assert.Single(audited.Events);
        Assert.Equal(won.Horizon, System.Text.Json.Nodes.JsonNode.Parse(winner.DetailJson)!["after"]!["horizonTerm"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertSchool_TwoAdminsAtOnce_OneWinsOtherAborted()
    {
        var a = new SchoolService.SchoolServiceClient(fixture.Server.CreateChannel(await fixture.Server.CreateKeyAsync(Role.Admin, "admin A")));
        var b = new SchoolService.SchoolServiceClient(fixture.Server.CreateChannel(await fixture.Server.CreateKeyAsync(Role.Admin, "admin B")));
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));
        var read = await a.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" });

        var results = await Task.WhenAll(new[] { (a, "甲校名"), (b, "乙校名") }.Select(async e =>
        {
            var edit = read.Clone();
            edit.Name = e.Item2;
            try
            {
                await e.Item1.UpsertSchoolAsync(new UpsertSchoolRequest { School = edit });
                return (Name: e.Item2, Status: StatusCode.OK);
            }
            catch (RpcException x)
            {
                return (Name: e.Item2, Status: x.StatusCode);
            }
        }));

        var won = Assert.Single(results, r => r.Status == StatusCode.OK);
        Assert.Equal(StatusCode.Aborted, Assert.Single(results, r => r.Status != StatusCode.OK).Status);
        Assert.Equal(won.Name, (await a.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" })).Name);
    }
}
