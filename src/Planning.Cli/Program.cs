
namespace Planning.Cli;

/// <summary>The `planning` executable. A named class, not top-level statements, so that its Program does not clash with the server's in the tests.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CommandLine.RunAsync(args, CliContext.ForTerminal());
}
