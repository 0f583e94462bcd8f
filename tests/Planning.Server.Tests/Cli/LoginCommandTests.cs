using System.Text.Json.Nodes;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;

namespace Planning.Server.Tests.Cli;

/// <summary>login, logout, whoami and web-link: the key the command line finds (environment, credentials file) and sends itself.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes
public sealed class LoginCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    /// <summary>The in-process server's address as the credentials file keys it.</summary>
    private const string Address = "http://localhost";

    private readonly string _home = Directory.CreateTempSubdirectory("planning-login-").FullName;

    private PlanningServer Server => fixture.Server;

    /// <summary>In a folder that does not exist yet, so that login has to make it.</summary>
    private string CredentialsPath => Path.Combine(_home, "planning", "credentials.json");

    private CliSession User(string stdin = "") => new(CredentialsPath) { Stdin = stdin };

    private void Store(string key) => new CredentialStore(CredentialsPath).Save(Address, new StoredCredential(key, "stored", "admin"));

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Login_ValidKeyOnStdin_StoresItOwnerOnlyAndWhoAmISendsIt()
    {
        var key = await Server.CreateKeyAsync(Data.Role.Viewer, "login viewer");

        var login = await CliHarness.RunAsync(Server, User(key + "\n"), "login", "--key-stdin");
        var whoami = await CliHarness.RunAsync(Server, User(), "whoami", "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains($"signed in to {Address} as login viewer (viewer)", login.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(CredentialsPath)!));
        var stored = JsonNode.Parse(File.ReadAllText(CredentialsPath))![Address]!;
        Assert.Equal(key, (string?)stored["key"]);
        Assert.Equal("viewer", (string?)stored["role"]);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        var who = whoami.Json().RootElement;
        Assert.Equal("login viewer", who.GetProperty("name").GetString());
        Assert.Equal("viewer", who.GetProperty("role").GetString());
        Assert.Equal(key[..12], who.GetProperty("prefix").GetString());
        Assert.Equal(Address, who.GetProperty("server").GetString());
    }

    [Fact]
    public async Task Login_UnknownKey_ExitsNotAllowedAndStoresNothing()
    {
        var login = await CliHarness.RunAsync(Server, User("pln_" + new string('x', 43)), "login", "--key-stdin");

        Assert.Equal(6, login.ExitCode);
        Assert.Contains("UNAUTHENTICATED", login.Output);
        Assert.Contains("planning login --key-stdin", login.Output);
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public async Task Login_NoTerminalWithoutKeyStdin_ExitsBadUsage()
    {
        var login = await CliHarness.RunAsync(Server, User(Server.AdminKey), "login");

        Assert.Equal(2, login.ExitCode);
        Assert.Contains("--key-stdin", login.Output);
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public async Task Logout_AfterLogin_ForgetsOnlyThisServersKey()
    {
        new CredentialStore(CredentialsPath).Save("http://other.example:5081", new StoredCredential("pln_other", "other", "viewer"));
        Assert.Equal(0, (await CliHarness.RunAsync(Server, User(Server.AdminKey), "login", "--key-stdin")).ExitCode);

        var logout = await CliHarness.RunAsync(Server, User(), "logout");
        var whoami = await CliHarness.RunAsync(Server, User(), "whoami");

        Assert.Equal(0, logout.ExitCode);
        Assert.Contains("signed out", logout.Output);
        Assert.Equal(6, whoami.ExitCode);
        var store = new CredentialStore(CredentialsPath);
        Assert.Null(store.Find(Address));
        Assert.Equal("pln_other", store.Find("http://other.example:5081")?.Key);
    }

    [Fact]
    public async Task WhoAmI_EnvironmentKey_WinsOverTheCredentialsFile()
    {
        Store(Server.AdminKey);
        var viewer = await Server.CreateKeyAsync(Data.Role.Viewer, "env viewer");

        var fromFile = await CliHarness.RunAsync(Server, User(), "whoami", "--json");
        var fromEnvironment = await CliHarness.RunAsync(Server,
            User() with { Environment = new Dictionary<string, string> { ["PLANNING_API_KEY"] = viewer } }, "whoami", "--json");

        Assert.Equal("admin", fromFile.Json().RootElement.GetProperty("role").GetString());
        Assert.Equal("env viewer", fromEnvironment.Json().RootElement.GetProperty("name").GetString());
        Assert.Equal("viewer", fromEnvironment.Json().RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task WhoAmI_CredentialsFileReadableByGroup_IsRefusedUntilChmod600()
    {
        Store(Server.AdminKey);
        File.SetUnixFileMode(CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var refused = await CliHarness.RunAsync(Server, User(), "whoami");
        var withEnvironment = await CliHarness.RunAsync(Server,
            User() with { Environment = new Dictionary<string, string> { ["PLANNING_API_KEY"] = Server.AdminKey } }, "whoami");
        File.SetUnixFileMode(CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var fixedUp = await CliHarness.RunAsync(Server, User(), "whoami");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"chmod 600 {CredentialsPath}", refused.Output);
        Assert.Contains("0640", refused.Output);
        Assert.Equal(0, withEnvironment.ExitCode); // PLANNING_API_KEY wins, so the file is not read at all
        Assert.Equal(0, fixedUp.ExitCode);
    }

    [Fact]
    public async Task WebLink_StoredKey_PrintsTheWebMapWithTheKeyInItsFragment()
    {
        Store(Server.AdminKey);

        var explicitWeb = await CliHarness.RunAsync(Server, User(), "web-link", "--web", "http://127.0.0.1:5080");
        var fromEnvironment = await CliHarness.RunAsync(Server,
            User() with { Environment = new Dictionary<string, string> { ["PLANNING_WEB_URL"] = "https://map.example/" } }, "web-link");

        Assert.True(explicitWeb.ExitCode == 0, explicitWeb.ToString());
        Assert.Equal($"http://127.0.0.1:5080/#key={Server.AdminKey}", explicitWeb.Output.Trim());
        Assert.Equal($"https://map.example/#key={Server.AdminKey}", fromEnvironment.Output.Trim());
    }

    [Fact]
    public async Task WebLink_NoKey_ExitsNotAllowed()
    {
        var result = await CliHarness.RunAsync(Server, User(), "web-link");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("planning login", result.Output);
        Assert.DoesNotContain("#key=", result.Output);
    }
}
