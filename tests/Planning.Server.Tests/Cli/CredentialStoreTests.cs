using Planning.Client.Api;

namespace Planning.Server.Tests.Cli;

/// <summary>The credentials file and the order in which a key is looked up; no server needed.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes
public sealed class CredentialStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planning-credentials-").FullName;

    private string FilePath => Path.Combine(_folder, "credentials.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("HTTP://LocalHost:5081/", "http://localhost:5081")]
    [InlineData(" http://127.0.0.1:5081 ", "http://127.0.0.1:5081")]
    [InlineData("https://planning.example/", "https://planning.example")]
    public void NormaliseAddress_Variants_GiveTheFileKey(string address, string expected) =>
        Assert.Equal(expected, CredentialStore.NormaliseAddress(address));

    [Fact]
    public void Save_SecondServer_KeepsTheFirstAndFindIgnoresTrailingSlash()
    {
        var store = new CredentialStore(FilePath);
        store.Save("http://127.0.0.1:5081", new StoredCredential("pln_one", "one", "admin"));
        store.Save("http://10.0.0.2:5081", new StoredCredential("pln_two", "two", "viewer"));

        Assert.Equal("pln_one", store.Find("http://127.0.0.1:5081/")?.Key);
        Assert.Equal("pln_two", store.Find("http://10.0.0.2:5081")?.Key);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Find_FileWritableByOthers_IsRefused()
    {
        new CredentialStore(FilePath).Save("http://127.0.0.1:5081", new StoredCredential("pln_one", "one", "admin"));
        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);

        var e = Assert.Throws<CredentialsFileException>(() => new CredentialStore(FilePath).Find("http://127.0.0.1:5081"));
        Assert.Contains("chmod 600", e.Message);
    }

    [Fact]
    public void Remove_FileReadableByOthers_ForgetsAndLeavesItOwnerOnly()
    {
        var store = new CredentialStore(FilePath);
        store.Save("http://127.0.0.1:5081", new StoredCredential("pln_one", "one", "admin"));
        store.Save("http://127.0.0.1:5181", new StoredCredential("pln_two", "two", "viewer"));
        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.True(store.Remove("http://127.0.0.1:5081"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        Assert.Null(store.Find("http://127.0.0.1:5081"));
        Assert.Equal("pln_two", store.Find("http://127.0.0.1:5181")?.Key);
    }

    [Fact]
    public void Find_NotJson_SaysWhichFile()
    {
        File.WriteAllText(FilePath, "pln_not_json");
        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var e = Assert.Throws<CredentialsFileException>(() => new CredentialStore(FilePath).Find("http://127.0.0.1:5081"));
        Assert.Contains(FilePath, e.Message);
    }

    [Fact]
    public void DefaultPath_Variables_PlanningCredentialsThenXdgThenHome()
    {
        Assert.Equal("/x/creds.json", CredentialStore.DefaultPath(Environment(("PLANNING_CREDENTIALS", "/x/creds.json"), ("HOME", "/home/u"))));
        Assert.Equal("/cfg/planning/credentials.json", CredentialStore.DefaultPath(Environment(("XDG_CONFIG_HOME", "/cfg"), ("HOME", "/home/u"))));
        Assert.Equal("/home/u/.config/planning/credentials.json", CredentialStore.DefaultPath(Environment(("HOME", "/home/u"))));
    }

    [Fact]
    public void ResolveApiKey_ExplicitThenEnvironmentThenFile()
    {
        var store = new CredentialStore(FilePath);
        store.Save("http://127.0.0.1:5081", new StoredCredential("pln_file", "f", "viewer"));
        var withVariable = Environment(("PLANNING_API_KEY", "pln_env"));
        var without = Environment();

        Assert.Equal("pln_given", PlanningClientOptions.ResolveApiKey("pln_given", "http://127.0.0.1:5081", store, withVariable));
        Assert.Equal("pln_env", PlanningClientOptions.ResolveApiKey(null, "http://127.0.0.1:5081", store, withVariable));
        Assert.Equal("pln_file", PlanningClientOptions.ResolveApiKey(null, "http://127.0.0.1:5081/", store, without));
        Assert.Null(PlanningClientOptions.ResolveApiKey(null, "http://10.0.0.9:5081", store, without));
        Assert.Null(PlanningClientOptions.ResolveApiKey("", "http://127.0.0.1:5081", store, withVariable));
    }
}
