using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Planning.Server.Access;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>keys create|list|revoke and audit, as the admin key unless a test says otherwise.</summary>
public sealed class KeyCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlanningServer Server => fixture.Server;

    private static CliSession As(string key) => CliHarness.WithKey(key);

    private async Task<(string Id, string Secret)> CreateKeyAsync(string name, string role)
    {
        var result = await CliHarness.RunAsync(Server, "keys", "create", name, "--role", role, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json().RootElement;
        return (json.GetProperty("key").GetProperty("id").GetString()!, json.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task KeysCreate_Planner_SecretSignsInAsThatPlannerAndIsListedWithoutIt()
    {
        var (id, secret) = await CreateKeyAsync("cli planner", "planner");

        var whoami = await CliHarness.RunAsync(Server, As(secret), "whoami", "--json");
        var list = await CliHarness.RunAsync(Server, "keys", "list");

        Assert.StartsWith("pln_", secret);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal("planner", whoami.Json().RootElement.GetProperty("role").GetString());
        Assert.Equal(id, whoami.Json().RootElement.GetProperty("id").GetString());
        Assert.Contains(id, list.Output);
        Assert.Contains("cli planner", list.Output);
        Assert.DoesNotContain(secret, list.Output);
    }

    [Fact]
    public async Task KeysCreate_Table_PrintsTheSecretOnceWithAWarning()
    {
        var result = await CliHarness.RunAsync(Server, "keys", "create", "shown once", "--role", "viewer");

        Assert.Equal(0, result.ExitCode);
        var secret = Assert.Single(result.Output.Split('\n'), line => line.StartsWith("pln_", StringComparison.Ordinal)).Trim();
        Assert.Equal(1, result.Output.Split(secret).Length - 1); // nowhere else, not even in the table
        Assert.Contains("only time the secret is shown", result.Output);
    }

    [Fact]
    public async Task KeysRevoke_CreatedKey_ItsCallsThenExitNotAllowed()
    {
        var (id, secret) = await CreateKeyAsync("to revoke", "viewer");

        var revoke = await CliHarness.RunAsync(Server, "keys", "revoke", id);
        var whoami = await CliHarness.RunAsync(Server, As(secret), "whoami");
        var active = await CliHarness.RunAsync(Server, "keys", "list");
        var all = await CliHarness.RunAsync(Server, "keys", "list", "--all", "--json");

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Contains("revoked", revoke.Output);
        Assert.Equal(6, whoami.ExitCode);
        Assert.Contains("UNAUTHENTICATED", whoami.Output);
        Assert.DoesNotContain(id, active.Output);
        var listed = all.Json().RootElement.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task KeysList_AsViewer_ExitsNotAllowedNamingTheRoleNeeded()
    {
        var viewer = await Server.CreateKeyAsync(Data.Role.Viewer, "plain viewer");

        var result = await CliHarness.RunAsync(Server, As(viewer), "keys", "list");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("PERMISSION_DENIED", result.Output);
        Assert.Contains("needs admin", result.Output);
    }

    [Fact]
    public async Task Audit_AfterKeysCreate_ListsTheEventWithItsActor()
    {
        var (id, _) = await CreateKeyAsync("audited key", "viewer");
        var actor = (await CliHarness.RunAsync(Server, "whoami", "--json")).Json().RootElement.GetProperty("name").GetString()!;

        var json = await CliHarness.RunAsync(Server, "audit", "--action", "key.create", "--page-size", "1000", "--json");
        var table = await CliHarness.RunAsync(Server, "audit", "--target", $"key {id}");

        Assert.True(json.ExitCode == 0, json.ToString());
        var created = json.Json().RootElement.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("target").GetString() == $"key {id}");
        Assert.Equal(actor, created.GetProperty("actor").GetString());
        Assert.Equal("done", created.GetProperty("outcome").GetString());
        Assert.Equal("audited key", created.GetProperty("detail").GetProperty("name").GetString());
        Assert.Contains("key.create", table.Output);
        Assert.Contains(actor, table.Output);
    }

    [Fact]
    public async Task Audit_ViewerRefused_ListsTheAttemptAsDeniedForThatKey()
    {
        var viewer = await Server.CreateKeyAsync(Data.Role.Viewer, "denied viewer");
        var viewerId = (await CliHarness.RunAsync(Server, As(viewer), "whoami", "--json")).Json().RootElement.GetProperty("id").GetString()!;
        Assert.Equal(6, (await CliHarness.RunAsync(Server, As(viewer), "audit")).ExitCode);
        // Refusals are written counted per caller and minute (docs/security.md); write this minute's now.
        await Server.Services.GetRequiredService<RefusalTally>().FlushAsync(all: true, CancellationToken.None);

        var result = await CliHarness.RunAsync(Server, "audit", "--key", viewerId, "--since", "2000-01-01", "--json");

        var events = result.Json().RootElement.GetProperty("items").EnumerateArray().ToList();
        var denied = Assert.Single(events);
        Assert.Equal("denied", denied.GetProperty("outcome").GetString());
        Assert.Equal("denied viewer", denied.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("audit", "--since", "yesterday")]
    [InlineData("keys", "create", "no role")]
    [InlineData("keys", "create", "bad role", "--role", "owner")]
    public async Task AccessCommands_BadArguments_ExitBadUsage(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, args);
        Assert.Equal(2, result.ExitCode);
    }
}
