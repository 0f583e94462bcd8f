namespace Planning.DataGen;

/// <summary>The repository root: the nearest folder at or above a start folder that holds Planning.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "Planning.sln";

    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
