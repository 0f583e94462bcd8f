using System.CommandLine;
using System.Runtime.CompilerServices;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning runs list|show|watch|cancel|delete.</summary>
internal static class RunsCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("runs", "Simulation runs");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        command.Subcommands.Add(Watch(actions));
        command.Subcommands.Add(Cancel(actions));
        command.Subcommands.Add(Delete(actions));
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Only runs of this scenario", HelpName = "ID" };
        var pageSize = OptionFactory.PageSize();
        var pageToken = OptionFactory.PageToken();
        var command = new Command("list", "Runs, newest first") { scenario, pageSize, pageToken };
        actions.Bind(command, async run =>
        {
            var page = await run.Client.ListRunsAsync(run.Value(scenario) ?? "",
                new PageRequest(run.Value(pageSize), run.Value(pageToken) ?? ""), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            run.Console.Write(RunTables.Runs(page.Items));
            Paging.WriteFooter(run.Console, page, "runs");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("show", "A run with its per-term summary") { id };
        actions.Bind(command, async run =>
        {
            var result = await run.Client.GetRunAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(result);
            }
            else
            {
                RunTables.Show(run.Console, result);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Watch(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var after = new Option<long>("--after")
        {
            Description = "Only the events after this sequence (the last one a previous watch saw); default: from the start",
            HelpName = "SEQUENCE",
        };
        var command = new Command("watch",
            "Follow a run from any server: its progress, then the finished run whatever its end; Ctrl+C stops watching, the run goes on")
        {
            id, after,
        };
        actions.Bind(command, async run =>
        {
            var seen = new StrongBox<string>(run.Value(id));
            RunFollower.Followed followed;
            try
            {
                followed = await RunFollower.FollowAsync(run, run.Client.WatchRunAsync(run.Value(id), run.Value(after), run.Cancellation), seen);
            }
            catch (OperationCanceledException)
            {
                run.Console.MarkupLineInterpolated($"[yellow]stopped watching[/] run {run.Value(id)}; it goes on (planning runs cancel {run.Value(id)} stops it)");
                return ExitCodes.Cancelled;
            }
            return followed.Finished is { } finished
                ? RunFollower.Report(run, finished)
                : throw new PlanningException(Grpc.Core.StatusCode.Unavailable,
                    $"the watch of run {followed.RunId} ended before the run did; watch it again", []);
        });
        return command;
    }

    private static Command Cancel(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("cancel",
            "Cancel a waiting or computing run (your own; admins any); prints it once the cancel took effect") { id };
        actions.Bind(command, async run =>
        {
            var result = await run.Client.CancelRunAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(result);
            }
            else
            {
                run.Console.MarkupLineInterpolated($"run {result.Id}: {Names.Of(result.Status)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("delete", "Delete a finished run and its results (your own; admins any)") { id };
        actions.Bind(command, async run =>
        {
            await run.Client.DeleteRunAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(new { deleted = run.Value(id) });
            }
            else
            {
                run.Console.MarkupLineInterpolated($"[green]deleted[/] run {run.Value(id)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
