using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>planning runs list|show.</summary>
internal static class RunsCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("runs", "Simulation runs");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
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
}
