namespace Planning.Server.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The checkout's root: the folder holding Planning.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string DataGeo => Path.Combine(Root, "data", "geo");

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        // From the test binaries, or (when built with --artifacts-path elsewhere) from this source file.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Planning.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Planning.sln not found above " + AppContext.BaseDirectory);
    }
}
