using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

public sealed class ImportCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    private PlanningServer Server => fixture.Server;

    [Fact]
    public void Import_DatasetFolder_PrintsCountsPerLayerAndExitsZero()
    {
        var result = fixture.Import;
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"schools\W+{fixture.Dataset.Count("schools"):N0}\b", result.Output);
        Assert.Matches($@"residential areas\W+{fixture.Dataset.Count("residential_areas"):N0}\b", result.Output);
        Assert.Matches($@"admin areas\W+{fixture.Dataset.Count("admin_areas"):N0}\b", result.Output);
    }

    [Fact]
    public async Task Import_SameFilesAgain_SaysUnchanged()
    {
        var result = await CliHarness.RunAsync(Server, "import", fixture.Dataset.Folder, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json().RootElement.GetProperty("result").GetProperty("unchanged").GetBoolean(), result.Output);
    }

    [Fact]
    public async Task Import_InvalidFile_ExitsRejectedAndPrintsEveryViolation()
    {
        var broken = new TinyDataset();
        TinyDataset.Properties(broken.Schools, 0)["admin_area"] = "999999999";
        TinyDataset.Properties(broken.ResidentialAreas, 1)["population"] = -5;
        var folder = CliDataset.WriteFolder(broken);
        try
        {
            var result = await CliHarness.RunAsync(Server, "import", folder);

            Assert.Equal(4, result.ExitCode);
            Assert.Contains("INVALID_ARGUMENT", result.Output);
            Assert.Contains("schools[0].admin_area", result.Output);
            Assert.Contains("residential_areas[1].population", result.Output);
            Assert.DoesNotContain("   at ", result.Output); // no stack trace
            var stored = await CliHarness.RunAsync(Server, "schools", "summary", "--json");
            Assert.Equal(fixture.Dataset.Count("schools"),
                stored.Json().RootElement.GetProperty("total").GetProperty("total").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_MissingFolder_ExitsBadUsage()
    {
        var result = await CliHarness.RunAsync(Server, "import", "/nonexistent/planning-data");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or folder", result.Output);
    }

    [Fact]
    public async Task Import_FileWithUnknownLayerName_ExitsBadUsage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roads-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, "{}");
        try
        {
            var result = await CliHarness.RunAsync(Server, "import", file, "--mode", "append");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("cannot tell the layer", result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
