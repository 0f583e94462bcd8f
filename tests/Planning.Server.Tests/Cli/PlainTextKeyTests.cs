using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Cli;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>A key never crosses the network in clear text: plain HTTP carries it to loopback only.</summary>
public sealed class PlainTextKeyTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:5081", true)]
    [InlineData("http://localhost:5081", true)]
    [InlineData("http://[::1]:5081", true)]
    [InlineData("https://plan.example:5081", true)]
    [InlineData("http://plan.example:5081", false)]
    [InlineData("http://192.168.1.20:5081", false)]
    public void WithApiKey_Address_KeySentOnlyWhereItCannotBeRead(string address, bool allowed)
    {
        var send = () => new GrpcChannelOptions().WithApiKey(address, "pln_x");

        if (allowed)
        {
            Assert.NotNull(send().Credentials);
        }
        else
        {
            Assert.Contains("clear text", Assert.Throws<InsecureAddressException>(send).Message);
        }
    }

    [Fact]
    public void WithApiKey_NoKey_NoCredentialsAnywhere() =>
        Assert.Null(new GrpcChannelOptions().WithApiKey("http://plan.example:5081", null).Credentials);

    [Fact]
    public async Task AnyCommand_PlainHttpBeyondLoopbackWithKey_BadUsageNamingTheRefusal()
    {
        var result = await CliHarness.RunAsync(fixture.Server, "--server", "http://plan.example:5081", "whoami");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("refusing to send an API key in clear text to http://plan.example:5081", result.Output);
    }
}
