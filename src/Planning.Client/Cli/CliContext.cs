using Grpc.Net.Client;
using Spectre.Console;

namespace Planning.Client.Cli;

/// <summary>Where a command line run writes and which server it talks to; tests substitute both.</summary>
public sealed class CliContext
{
    /// <summary>Tables, messages and (unwrapped, through its writer) JSON go here.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Server address used when --server is not given; null means PLANNING_SERVER or the default.</summary>
    public string? ServerAddress { get; init; }

    /// <summary>
    /// Creates the channel when --server is not given (tests pass one over an in-process server).
    /// Each command creates one channel and disposes it when done.
    /// </summary>
    public Func<GrpcChannel>? ChannelFactory { get; init; }

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
