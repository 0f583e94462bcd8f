using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli;

/// <summary>Binds a command's body and turns every failure into a message and an exit code, never a stack trace.</summary>
internal sealed class CommandActions(CliContext context, GlobalOptions globals)
{
    public void Bind(Command command, Func<Invocation, Task<int>> body) =>
        command.SetAction((parse, ct) => RunAsync(parse, body, ct));

    private async Task<int> RunAsync(ParseResult parse, Func<Invocation, Task<int>> body, CancellationToken ct)
    {
        using var invocation = new Invocation(context, globals, parse, ct);
        var console = context.Console;
        try
        {
            return await body(invocation);
        }
        catch (PlanningException e)
        {
            ErrorReport.Write(console, e, invocation.ServerDescription);
            return ExitCodes.FromStatus(e.Status);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]cancelled[/]");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is UsageException or InsecureAddressException)
        {
            ErrorReport.Usage(console, e.Message, parse.CommandResult.Command.Name);
            return ExitCodes.BadUsage;
        }
        catch (LocalFailureException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.LocalFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.LocalFailure;
        }
    }
}
