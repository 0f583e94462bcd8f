namespace Planning.DataGen.Tests;

/// <summary>Where the repository and its committed dataset are, found by walking up to Planning.sln.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } =
        Planning.DataGen.RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {Planning.DataGen.RepositoryRoot.SolutionFile} above {AppContext.BaseDirectory}");

    public static string CommittedDataset => Path.Combine(RepositoryRoot, "data", "geo");

    public static string Sources => Path.Combine(CommittedDataset, "sources");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "planning-datagen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
