using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planning.Server.Data;
using Planning.Server.Scenarios;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.V1;

namespace Planning.Server.Tests.Scenarios;

/// <summary>Scenarios are stored as records of our own (not contract JSON), read back losslessly, and old rows are upgraded.</summary>
public sealed class ScenarioStorageTests
{
    [Fact]
    public async Task CreateScenario_EveryChangeKind_StoredInOwnFormatAndReadBackUnchanged()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var scenarios = new ScenarioService.ScenarioServiceClient(channel);
        var changes = ValidChanges.All();
        changes[3].AddResources.Added.TeachersBackbone = 0.5; // full-time equivalents stay as given
        var settings = new ScenarioSettings { HorizonTerm = "2023-autumn", Policy = Policy.Reassign, MoveCostM = 1500, AllowSplit = true };

        var created = await scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "存储", Settings = settings, Changes = { changes } });
        var read = await scenarios.GetScenarioAsync(new GetScenarioRequest { Id = created.Id });

        Assert.Equal(settings, read.Settings);
        Assert.Equal(changes.Length, read.Changes.Count);
        for (var i = 0; i < changes.Length; i++)
        {
            var expected = changes[i].Clone();
            if (expected.AddResidentialArea is { } added)
            {
                // The server fills in the read-only interior point; the rest comes back as sent.
                added.ResidentialArea.CentroidLon = read.Changes[i].AddResidentialArea.ResidentialArea.CentroidLon;
                added.ResidentialArea.CentroidLat = read.Changes[i].AddResidentialArea.ResidentialArea.CentroidLat;
                Assert.NotEqual(0, added.ResidentialArea.CentroidLon);
                Assert.Equal(
                    JsonDocument.Parse(added.ResidentialArea.GeometryGeojson).RootElement.GetProperty("coordinates").ToString(),
                    JsonDocument.Parse(read.Changes[i].AddResidentialArea.ResidentialArea.GeometryGeojson).RootElement.GetProperty("coordinates").ToString());
                added.ResidentialArea.GeometryGeojson = read.Changes[i].AddResidentialArea.ResidentialArea.GeometryGeojson;
            }
            Assert.Equal(expected, read.Changes[i]);
        }

        var (format, settingsJson, changesJson) = await StoredAsync(server, created.Id);
        Assert.Equal(2, format);
        Assert.Equal("reassign", JsonDocument.Parse(settingsJson).RootElement.GetProperty("policy").GetString());
        var types = JsonDocument.Parse(changesJson).RootElement.EnumerateArray().Select(c => c.GetProperty("type").GetString());
        Assert.Equal(["open_school", "add_residential_area", "expand_school", "add_resources", "close_school"], types);
        Assert.DoesNotContain("openSchool", changesJson, StringComparison.Ordinal); // not the contract's JSON
        Assert.DoesNotContain("SCHOOL_LEVEL", changesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_ScenarioInTheOldContractFormat_RewrittenAsRecordsWithTheSameMeaning()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var scenarios = new ScenarioService.ScenarioServiceClient(channel);
        var settings = new ScenarioSettings { StartTerm = "2020-autumn", Policy = Policy.IntakeOnly, CandidateSchools = 5 };
        var created = await scenarios.CreateScenarioAsync(new CreateScenarioRequest { Name = "旧", Settings = settings, Changes = { ValidChanges.All() } });
        var before = await scenarios.GetScenarioAsync(new GetScenarioRequest { Id = created.Id });
        // What a server of the previous format wrote: the contract's protobuf JSON, format 1.
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                "UPDATE scenarios SET format = 1, settings_json = @s::jsonb, changes_json = @c::jsonb WHERE id = @id", connection);
            update.Parameters.AddWithValue("s", JsonFormatter.Default.Format(before.Settings));
            update.Parameters.AddWithValue("c", "[" + string.Join(",", before.Changes.Select(c => JsonFormatter.Default.Format(c))) + "]");
            update.Parameters.AddWithValue("id", Guid.Parse(created.Id));
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        await using (var db = new PlanningDb(new DbContextOptionsBuilder<PlanningDb>()
                         .UseNpgsql(server.ConnectionString, o => o.UseNetTopologySuite()).UseSnakeCaseNamingConvention().Options))
        {
            await ScenarioUpgrade.RunAsync(db, NullLogger.Instance);
        }

        var (format, _, changesJson) = await StoredAsync(server, created.Id);
        Assert.Equal(2, format);
        Assert.StartsWith("[{\"type\"", changesJson.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var after = await scenarios.GetScenarioAsync(new GetScenarioRequest { Id = created.Id });
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.Changes, after.Changes);
    }

    private static async Task<(int Format, string Settings, string Changes)> StoredAsync(PlanningServer server, string id)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT format, settings_json::text, changes_json::text FROM scenarios WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", Guid.Parse(id));
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
    }
}
