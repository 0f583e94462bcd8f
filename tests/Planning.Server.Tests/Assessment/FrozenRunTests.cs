using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.Server.Tests.Simulation;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>A run's results and verdict do not change after the run: names, resources and the scenario are frozen with it.</summary>
public sealed class FrozenRunTests
{
    [Fact]
    public async Task EditsAfterARun_SchoolAndScenarioChanged_OldRunReadsAsBeforeNewRunFollows()
    {
        await using var server = await PlanningServer.StartAsync();
        using var channel = server.CreateChannel();
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
        var calls = new RunCalls(channel);
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var schools = new SchoolService.SchoolServiceClient(channel);
        var scenario = await calls.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "冻结",
            Settings = new ScenarioSettings { HorizonTerm = "2021-autumn" },
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = "BD-P-001", Added = ValidChanges.Resources() } } },
        });
        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario.Id, Mode = RunMode.KeepCurrent });
        async Task<(SchoolAssessment School, DistrictAssessment District, SchoolTermResult Row)> ReadAsync(string runId)
        {
            var school = await assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = runId, Term = "2021-autumn", SchoolCode = "BD-P-001" });
            var district = await assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = runId, Term = "2021-autumn" });
            var term = await calls.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = runId, Term = "2021-autumn" });
            return (school, district, term.Schools.Single(s => s.SchoolCode == "BD-P-001"));
        }
        var before = await ReadAsync(run.Id);

        // The school renamed with ten times its resources, and the scenario given one more addition.
        var stored = await schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" });
        stored.Name = "改名小学";
        foreach (var r in stored.Resources)
        {
            r.TeachersDegree *= 10;
            r.FloorAreaM2 *= 10;
            r.EquipmentValueYuan *= 10;
        }
        await schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = stored });
        var more = ValidChanges.Resources();
        more.FromTerm = "2020-autumn";
        more.TeachersPeArt = 50;
        var current = await calls.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = scenario.Id });
        await calls.Scenarios.AddScenarioChangesAsync(new AddScenarioChangesRequest
        {
            ScenarioId = scenario.Id, Version = current.Version,
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = "BD-P-001", Added = more } } },
        });
        var after = await ReadAsync(run.Id);

        Assert.Equal(before.School, after.School);
        Assert.Equal(before.District, after.District);
        Assert.Equal(before.Row, after.Row);
        Assert.Equal("大口屯镇中心小学", after.School.SchoolName);

        // A new run sees the edit.
        var (_, fresh) = await calls.RunAsync(new RunSimulationRequest { Mode = RunMode.KeepCurrent, Label = "after the edit" });
        var now = await assessment.AssessSchoolAsync(new AssessSchoolRequest { RunId = fresh.Id, Term = "2020-autumn", SchoolCode = "BD-P-001" });
        Assert.Equal("改名小学", now.SchoolName);
        var degree = now.Parts[0].Indicators.Single(i => i.Indicator == Indicator.DegreeTeachers);
        var degreeBefore = before.School.Parts[0].Indicators.Single(i => i.Indicator == Indicator.DegreeTeachers);
        Assert.True(degree.Value > degreeBefore.Value * 5, $"{degree.Value} vs {degreeBefore.Value}");
    }
}
