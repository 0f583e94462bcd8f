using System.Text.Json;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

public sealed class ScenarioCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    private PlanningServer Server => fixture.Server;

    private string SchoolCode(string level) =>
        (string)fixture.Dataset.Features("schools").First(s => (string?)s["level"] == level)["code"]!;

    private async Task<JsonElement> CreateAsync(params string[] extra)
    {
        var result = await CliHarness.RunAsync(Server, ["scenarios", "create", "测试方案", "--horizon", "2021-spring", "--json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json().RootElement.Clone();
    }

    [Fact]
    public async Task ScenariosCreate_WithSettings_StoresThem()
    {
        var scenario = await CreateAsync("--primary-per-1000", "80", "--policy", "reassign");

        Assert.NotEmpty(scenario.GetProperty("id").GetString()!);
        var settings = scenario.GetProperty("settings");
        Assert.Equal("2021-spring", settings.GetProperty("horizonTerm").GetString());
        Assert.Equal(80, settings.GetProperty("primaryStudentsPer1000").GetDouble());
        Assert.Equal("reassign", settings.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task ScenariosCloseAndExpand_KnownSchools_AppendsBothChanges()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;

        var close = await CliHarness.RunAsync(Server, "scenarios", "close-school", id, SchoolCode("primary"), "--from", "2021-spring");
        var expand = await CliHarness.RunAsync(Server,
            "scenarios", "expand-school", id, SchoolCode("junior"), "--from", "2021-spring", "--junior-tracks", "2", "--json");

        Assert.Equal(0, close.ExitCode);
        Assert.Contains("close school", close.Output);
        Assert.Equal(0, expand.ExitCode);
        var changes = expand.Json().RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("type").GetString());
        Assert.Equal(["close-school", "expand-school"], changes);
    }

    [Fact]
    public async Task ScenariosSettings_Policy_UpdatesOnlyThatSetting()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;

        var result = await CliHarness.RunAsync(Server, "scenarios", "settings", id, "--policy", "reassign", "--json");

        Assert.Equal(0, result.ExitCode);
        var settings = result.Json().RootElement.GetProperty("settings");
        Assert.Equal("reassign", settings.GetProperty("policy").GetString());
        Assert.Equal("2021-spring", settings.GetProperty("horizonTerm").GetString());
    }

    [Fact]
    public async Task ScenariosExpandSchool_UnknownSchool_ExitsRejectedWithViolation()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;

        var result = await CliHarness.RunAsync(Server,
            "scenarios", "expand-school", id, "NO-SUCH-SCHOOL", "--from", "2021-spring", "--primary-tracks", "1");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("INVALID_ARGUMENT", result.Output);
        Assert.True(result.Output.Contains("NO-SUCH-SCHOOL") && result.Output.Contains("field violation"), result.Output);
    }

    [Fact]
    public async Task ScenariosShow_UnknownId_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "scenarios", "show", Guid.NewGuid().ToString());
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task ScenariosList_AfterCreate_ListsIt()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;

        var result = await CliHarness.RunAsync(Server, "scenarios", "list", "--page-size", "1000");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(id, result.Output);
    }

    [Theory]
    [InlineData("scenarios", "create", "x", "--horizon", "2021-summer")]
    [InlineData("scenarios", "create", "x", "--policy", "lottery")]
    [InlineData("scenarios", "close-school", "id", "CODE")]
    [InlineData("scenarios", "expand-school", "id", "CODE", "--from", "2021-autumn")]
    [InlineData("scenarios", "settings", "id")]
    public async Task Scenarios_BadArguments_ExitBadUsage(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, args);
        Assert.Equal(2, result.ExitCode);
    }
}
