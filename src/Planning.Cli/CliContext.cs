using Spectre.Console;

namespace Planning.Cli;

/// <summary>Where a command line run writes, which server it talks to and where it finds its key; tests substitute each.</summary>
public sealed class CliContext
{
    /// <summary>Tables, messages and (unwrapped, through its writer) JSON go here.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Server address used when --server is not given; null means PLANNING_SERVER or the default.</summary>
    public string? ServerAddress { get; init; }

    /// <summary>
    /// Sends the calls when --server is not given, instead of a socket (tests pass an in-process
    /// server's handler). The command line still makes the channel itself, with its key and retry policy.
    /// </summary>
    public Func<HttpMessageHandler>? HttpHandlerFactory { get; init; }

    /// <summary>The API key to send; null means PLANNING_API_KEY, else the credentials file's key for the server.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The credentials file; null means PLANNING_CREDENTIALS, else ~/.config/planning/credentials.json.</summary>
    public string? CredentialsPath { get; init; }

    /// <summary>Reads environment variables (PLANNING_SERVER, PLANNING_API_KEY, …); tests pass their own instead of the process's.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Standard input, read by `login --key-stdin`.</summary>
    public TextReader Input { get; init; } = System.Console.In;

    /// <summary>Cancel on Ctrl+C (the terminal); off in tests, which must not hook the process's signals.</summary>
    public bool HandleCtrlC { get; init; }

    /// <summary>Cancels the running command as Ctrl+C would (tests; hosts embedding the command line).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The real terminal: Spectre's console, address from PLANNING_SERVER, Ctrl+C cancels.</summary>
    public static CliContext ForTerminal()
    {
        var console = AnsiConsole.Console;
        // Piped or logged output has no terminal width; Spectre would wrap every table at 80 columns.
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }
        return new() { Console = console, HandleCtrlC = true };
    }

    /// <summary>Writes text as is: no markup, no wrapping (JSON for scripts).</summary>
    internal void WriteRaw(string text)
    {
        var writer = Console.Profile.Out.Writer;
        writer.Write(text);
        writer.Write('\n');
        writer.Flush();
    }
}
