using System.Text.Json;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

public sealed class SchoolCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    private PlanningServer Server => fixture.Server;

    [Fact]
    public async Task SchoolsSummary_AfterImport_CountsEqualTheData()
    {
        var result = await CliHarness.RunAsync(Server, "schools", "summary", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = result.Json().RootElement;
        foreach (var row in root.GetProperty("levels").EnumerateArray())
        {
            var level = row.GetProperty("level").GetString()!.Replace('-', '_');
            foreach (var kind in new[] { "existing", "new", "expanded" })
            {
                Assert.Equal(fixture.Dataset.SchoolCount(level, kind), row.GetProperty(kind).GetInt32());
            }
        }
        Assert.Equal(fixture.Dataset.Count("schools"), root.GetProperty("total").GetProperty("total").GetInt32());
        Assert.Equal(fixture.Dataset.Enrolment(), root.GetProperty("enrolment").GetInt64());
    }

    [Fact]
    public async Task SchoolsSummary_Table_ShowsTotalsRowAndEnrolment()
    {
        var result = await CliHarness.RunAsync(Server, "schools", "summary");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"total\W+(\d+\W+){{3}}{fixture.Dataset.Count("schools")}\b", result.Output);
        Assert.Contains($"{fixture.Dataset.Enrolment():N0} students", result.Output);
    }

    [Fact]
    public async Task SchoolsList_LevelFilterAll_ReturnsOnlyThatLevel()
    {
        var result = await CliHarness.RunAsync(Server, "schools", "list", "--level", "primary", "--all", "--json");

        Assert.Equal(0, result.ExitCode);
        var items = result.Json().RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(fixture.Dataset.Features("schools").Count(s => (string?)s["level"] == "primary"), items.Count);
        Assert.All(items, s => Assert.Equal("primary", s.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task SchoolsList_PageSize_PrintsNextPageToken()
    {
        var result = await CliHarness.RunAsync(Server, "schools", "list", "--page-size", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"showing 1 of {fixture.Dataset.Count("schools")} schools", result.Output);
        Assert.Contains("--page-token", result.Output);
    }

    [Fact]
    public async Task SchoolsShow_KnownCode_PrintsNameAndCapacity()
    {
        var first = fixture.Dataset.Features("schools")[0];
        var result = await CliHarness.RunAsync(Server, "schools", "show", (string)first["code"]!);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains((string)first["name"]!, result.Output);
        Assert.Contains("primary tracks", result.Output);
    }

    [Fact]
    public async Task SchoolsShow_Json_ParsesWithNineGrades()
    {
        var code = (string)fixture.Dataset.Features("schools")[0]["code"]!;
        var result = await CliHarness.RunAsync(Server, "schools", "show", code, "--json");

        Assert.Equal(0, result.ExitCode);
        var school = result.Json().RootElement;
        Assert.Equal(code, school.GetProperty("code").GetString());
        Assert.Equal(9, school.GetProperty("enrolment").GetArrayLength());
    }

    [Fact]
    public async Task SchoolsShow_UnknownCode_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "schools", "show", "NO-SUCH-SCHOOL");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOT_FOUND", result.Output);
    }

    [Theory]
    [InlineData("schools", "list", "--level", "college")]
    [InlineData("schools", "list", "--bbox", "117,39,116")]
    [InlineData("schools", "list", "--page-size", "0")]
    [InlineData("schools", "show")]
    [InlineData("schools", "frobnicate")]
    [InlineData("schools")]
    [InlineData("--no-such-option")]
    public async Task Schools_BadArguments_ExitBadUsage(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Output);
    }

    [Fact]
    public async Task SchoolsList_BboxAroundOneSchool_ReturnsIt()
    {
        var school = JsonDocument.Parse((await CliHarness.RunAsync(Server, "schools", "show",
            (string)fixture.Dataset.Features("schools")[0]["code"]!, "--json")).Output).RootElement;
        var (lon, lat) = (school.GetProperty("lon").GetDouble(), school.GetProperty("lat").GetDouble());
        var bbox = FormattableString.Invariant($"{lon - 0.0001},{lat - 0.0001},{lon + 0.0001},{lat + 0.0001}");

        var result = await CliHarness.RunAsync(Server, "schools", "list", "--bbox", bbox, "--json");

        Assert.Equal(0, result.ExitCode);
        var codes = result.Json().RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString());
        Assert.Contains(school.GetProperty("code").GetString(), codes);
    }
}
