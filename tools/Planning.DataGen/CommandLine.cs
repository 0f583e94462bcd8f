using System.Globalization;
using Planning.DataGen.Build;

namespace Planning.DataGen;

/// <summary>
/// <c>dotnet run --project tools/Planning.DataGen -- [--out data/geo] [--seed 20200901] [--sources data/geo/sources] [--summary]</c>.
/// Relative paths are taken from the repository root (the folder holding Planning.sln) above the
/// working folder, or else above the program itself.
/// </summary>
public sealed record CommandLine(string OutputDirectory, string SourcesDirectory, ulong Seed, bool SummaryOnly)
{
    public const string Usage =
        "usage: Planning.DataGen [--out DIR] [--seed N] [--sources DIR] [--summary]\n" +
        "  --out DIR       where the four GeoJSON layers and README.md go (default data/geo)\n" +
        "  --seed N        seed of the synthetic parts (default 20200901)\n" +
        "  --sources DIR   the real inputs (default data/geo/sources)\n" +
        "  --summary       print the summary table (Markdown) instead of writing files";

    public static CommandLine Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        var root = RepositoryRoot.Find(workingDirectory) ?? RepositoryRoot.Find(AppContext.BaseDirectory) ?? workingDirectory;
        var output = "data/geo";
        var sources = "data/geo/sources";
        var seed = DatasetGenerator.DefaultSeed;
        var summary = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out":
                    output = Value(args, ++i);
                    break;
                case "--sources":
                    sources = Value(args, ++i);
                    break;
                case "--seed":
                    seed = ulong.Parse(Value(args, ++i), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--summary":
                    summary = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        return new CommandLine(Path.GetFullPath(output, root), Path.GetFullPath(sources, root), seed, summary);
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value");
}
