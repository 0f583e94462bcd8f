using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// A run's verdict must not change after the run (issue 13 §1): through every path that edits what
/// an assessment reads — a school appended to the dataset, a school's resources edited away, the scenario's
/// settings changed, and the server restarted under another standard —
/// every assessment call on an old run answers exactly as before. (Runs store their placements, so
/// area edits reach no old run; replacing the dataset or deleting the scenario deletes its runs.)
/// </summary>
public sealed class FrozenVerdictTests
{
    private const string Term = "2021-autumn";

    [Fact]
    public async Task EveryAssessmentCall_EveryEditPathAfterTheRun_AnswersAsBefore()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        var dataset = new DatasetService.DatasetServiceClient(channel);
        await new TinyDataset().ImportAsync(dataset);
        var calls = new RunCalls(channel);
        var scenario = await calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "冻结",
            Settings = new ScenarioSettings { HorizonTerm = Term },
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = "BD-P-001", Added = ValidChanges.Resources() } } },
        });
        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });
        var before = await ReadAsync(channel, run.Id);

        // A school appended to the dataset (replacing it deletes every run with its data, by design).
        var more = new TinyDataset();
        var added = more.Schools["features"]![0]!.AsObject();
        TinyDataset.Properties(more.Schools, 0)["code"] = "BD-P-777";
        await TinyDataset.Upload(dataset, [(Layer.Schools, System.Text.Encoding.UTF8.GetBytes(TinyDataset.Collection(added.DeepClone().AsObject()).ToJsonString()))], ImportMode.Append);
        Assert.Equal(before, await ReadAsync(channel, run.Id));

        // A school edited to no resources at all, and the scenario's settings changed.
        var schools = new SchoolService.SchoolServiceClient(channel);
        var junior = await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" });
        junior.Resources.Clear();
        await schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = junior });
        var current = await calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        var settings = current.Settings.Clone();
        settings.HorizonTerm = "2022-autumn";
        current = await calls.Scenarios.UpdateScenarioSettingsAsync(new UpdateScenarioSettingsRequest
        {
            ScenarioId = scenario.Id, Version = current.Version, Settings = settings,
        });
        Assert.Equal(before, await ReadAsync(channel, run.Id));

        // The server restarted with another standard: a stricter floor, other ceilings and junior weight.
        await using var restarted = await PlanningServer.StartOnDatabaseOfAsync(server, new Dictionary<string, string>
        {
            ["Standard:FloorShare"] = "0.99", ["Standard:PrimaryCoefficientCeiling"] = "0.01", ["Standard:JuniorPupilWeight"] = "2",
        });
        using var second = restarted.CreateChannel();
        Assert.Equal(before, await ReadAsync(second, run.Id));
    }

    private sealed record Reading(
        SchoolAssessment Primary, SchoolAssessment Junior, DistrictAssessment District, RectificationList Rectification, string Csv);

    private static async Task<Reading> ReadAsync(Grpc.Net.Client.GrpcChannel channel, string runId)
    {
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        Task<SchoolAssessment> School(string code) =>
            assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = runId, Term = Term, SchoolCode = code }).ResponseAsync;
        using var export = assessment.ExportAssessment(new ExportAssessmentRequest { RunId = runId, Term = Term, Format = AssessmentFormat.Csv });
        var bytes = new List<byte>();
        await foreach (var chunk in export.ResponseStream.ReadAllAsync())
        {
            bytes.AddRange(chunk.Data);
        }
        return new Reading(
            await School("BD-P-001"), await School("BD-J-001"),
            await assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = runId, Term = Term }),
            await assessment.GetRectificationListAsync(new GetRectificationListRequest { RunId = runId }),
            System.Text.Encoding.UTF8.GetString([.. bytes]));
    }
}
