namespace Planning.Server.Tests.Cli;

/// <summary>Calls the server does not implement (yet) are reported cleanly, with exit code 5.</summary>
public sealed class UnimplementedTests
{
    [Theory]
    [InlineData("assess", "run-1", "--term", "2021-autumn")]
    [InlineData("rectification", "run-1")]
    [InlineData("run")]
    [InlineData("compare", "a", "b")]
    [InlineData("scenarios", "list")]
    public async Task Command_ServerWithoutTheService_ExitsServerErrorWithStatus(params string[] args)
    {
        var result = await CliHarness.RunAgainstEmptyServerAsync(args);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("UNIMPLEMENTED", result.Output);
        Assert.Contains("does not implement this call yet", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
