using System.Text.Json;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>admin-areas, district, areas, export and health against the in-process server.</summary>
public sealed class GeographyCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    private PlanningServer Server => fixture.Server;

    [Fact]
    public async Task AdminAreas_Json_ListsEveryAreaOfTheData()
    {
        var result = await CliHarness.RunAsync(Server, "admin-areas", "--json");

        Assert.Equal(0, result.ExitCode);
        var codes = result.Json().RootElement.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToHashSet();
        Assert.Equal(fixture.Dataset.Features("admin_areas").Select(a => (string?)a["code"]).ToHashSet(), codes);
    }

    [Fact]
    public async Task AdminAreas_TownsOnly_ListsNoStreet()
    {
        var result = await CliHarness.RunAsync(Server, "admin-areas", "--kind", "town", "--json");

        Assert.Equal(0, result.ExitCode);
        var kinds = result.Json().RootElement.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("town", k));
    }

    [Fact]
    public async Task District_Table_ShowsNameAndArea()
    {
        var district = fixture.Dataset.Features("district")[0];
        var result = await CliHarness.RunAsync(Server, "district");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains((string)district["name"]!, result.Output);
        Assert.Contains("km²", result.Output);
    }

    [Fact]
    public async Task AreasList_SchoolFilter_ReturnsOnlyAreasOfThatSchool()
    {
        var area = fixture.Dataset.Features("residential_areas").First(a => a["school_primary"] is not null);
        var school = (string)area["school_primary"]!;

        var result = await CliHarness.RunAsync(Server, "areas", "list", "--school", school, "--all", "--json");

        Assert.Equal(0, result.ExitCode);
        var items = result.Json().RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, a => a.GetProperty("code").GetString() == (string)area["code"]!);
        Assert.All(items, a => Assert.True(
            a.GetProperty("schoolPrimaryCode").GetString() == school || a.GetProperty("schoolJuniorCode").GetString() == school));
    }

    [Fact]
    public async Task AreasShow_UnknownCode_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "areas", "show", "NO-SUCH-AREA");
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task AreasShow_KnownCode_PrintsItsSchool()
    {
        var area = fixture.Dataset.Features("residential_areas").First(a => a["school_primary"] is not null);
        var result = await CliHarness.RunAsync(Server, "areas", "show", (string)area["code"]!);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains((string)area["school_primary"]!, result.Output);
    }

    [Fact]
    public async Task ExportSchools_GeoJson_WritesEveryFeature()
    {
        var file = Path.Combine(Path.GetTempPath(), $"schools-{Guid.NewGuid():N}.geojson");
        try
        {
            var result = await CliHarness.RunAsync(Server, "export", "schools", "--format", "geojson", "--out", file);

            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
            Assert.Equal(fixture.Dataset.Count("schools"), json.RootElement.GetProperty("features").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportAdminAreas_GeoPackage_WritesSqliteFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"admin-{Guid.NewGuid():N}.gpkg");
        try
        {
            var result = await CliHarness.RunAsync(Server, "export", "admin-areas", "--format", "gpkg", "-o", file);

            Assert.Equal(0, result.ExitCode);
            var header = new byte[16];
            await using (var stream = File.OpenRead(file))
            {
                await stream.ReadExactlyAsync(header);
            }
            Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(header));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportCatchments_WithoutRun_ExitsBadUsage()
    {
        var result = await CliHarness.RunAsync(Server, "export", "catchments");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--run", result.Output);
    }

    [Fact]
    public async Task Health_InProcessServer_ServingExitsZero()
    {
        var result = await CliHarness.RunAsync(Server, "health");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serving", result.Output);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("schools", "summary")]
    [InlineData("district", "--json")]
    public async Task Command_ServerDown_ExitsServerErrorWithHint(params string[] args)
    {
        var server = $"http://127.0.0.1:{CliHarness.ClosedPort()}";
        var result = await CliHarness.RunWithoutServerAsync([.. args, "--server", server]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("UNAVAILABLE", result.Output);
        Assert.Contains(server, result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
