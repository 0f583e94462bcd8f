using Grpc.Core;
using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

/// <summary>How failures are shown: the status, the server's message and a table of every field violation.</summary>
internal static class ErrorReport
{
    public static void Write(IAnsiConsole console, PlanningException e, string server)
    {
        console.MarkupLineInterpolated($"[red]error:[/] [bold]{StatusName(e.Status)}[/] {e.Detail}");
        var hint = e.Status switch
        {
            StatusCode.Unavailable => $"is the server running at {server}? Start it, or point --server / PLANNING_SERVER at it.",
            StatusCode.Unimplemented => "the server does not implement this call yet.",
            StatusCode.DeadlineExceeded => "the server did not answer in time; a larger --timeout may help.",
            StatusCode.Aborted => "someone changed it meanwhile: read it again and retry.",
            StatusCode.Unauthenticated => "sign in: planning login --key-stdin, or set PLANNING_API_KEY.",
            StatusCode.PermissionDenied => "the message above names the role needed; an admin can make you such a key (planning keys create).",
            _ => null,
        };
        if (hint is not null)
        {
            console.MarkupLineInterpolated($"[grey]{hint}[/]");
        }
        if (e.Violations.Count == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"{e.Violations.Count} field violation(s)");
        table.AddColumn("field").AddColumn("problem");
        foreach (var v in e.Violations)
        {
            table.AddRow(new Text(v.Field, new Style(Color.Yellow)), new Text(v.Description));
        }
        console.Write(table);
    }

    public static void Usage(IAnsiConsole console, string message, string command)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        console.MarkupLineInterpolated($"[grey]see: planning {command} --help[/]");
    }

    /// <summary>The canonical gRPC name, e.g. INVALID_ARGUMENT.</summary>
    public static string StatusName(StatusCode status) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());
}
