using System.CommandLine;
using Planning.Cli.Commands;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli;

/// <summary>The `planning` command line.</summary>
public static class CommandLine
{
    /// <summary>Parses and runs one command line; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        var console = context.Console;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }
            console.MarkupLineInterpolated($"[grey]see: {CommandPath(parse)} --help[/]");
            return ExitCodes.BadUsage;
        }
        var writer = console.Profile.Out.Writer;
        var configuration = new InvocationConfiguration
        {
            Output = writer,
            Error = writer,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = context.HandleCtrlC ? TimeSpan.FromSeconds(10) : null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, context.Cancellation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of the client itself: say what happened in one line, no stack trace.
            console.MarkupLineInterpolated($"[red]internal error:[/] {e.GetType().Name}: {e.Message}");
            return ExitCodes.LocalFailure;
        }
    }

    /// <summary>The command tree; public so that docs and tests can walk it.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var globals = new GlobalOptions();
        var actions = new CommandActions(context, globals);
        var root = new RootCommand(
            "Plan school catchments in Baodi District, Tianjin: import the dataset, inspect schools and areas, "
            + "build scenarios, run redistribution simulations, assess against the national standard, draw maps.\n"
            + "Every call but health needs an API key: planning login, or PLANNING_API_KEY.\n\n"
            + ExitCodes.HelpText);
        globals.AddTo(root);
        root.Subcommands.Add(ImportCommand.Create(actions));
        root.Subcommands.Add(SchoolCommands.Create(actions));
        root.Subcommands.Add(AreaCommands.Create(actions));
        root.Subcommands.Add(GeographyCommands.AdminAreas(actions));
        root.Subcommands.Add(GeographyCommands.District(actions));
        root.Subcommands.Add(ExportCommand.Create(actions));
        root.Subcommands.Add(ScenarioCommands.Create(actions));
        root.Subcommands.Add(RunCommand.Create(actions));
        root.Subcommands.Add(RunsCommands.Create(actions));
        root.Subcommands.Add(ResultsCommand.Create(actions));
        root.Subcommands.Add(CompareCommand.Create(actions));
        root.Subcommands.Add(WhatIfCommand.Create(actions));
        root.Subcommands.Add(SweepCommand.Create(actions));
        root.Subcommands.Add(AssessCommands.Assess(actions));
        root.Subcommands.Add(AssessCommands.Rectification(actions));
        root.Subcommands.Add(AssessCommands.Additions(actions));
        root.Subcommands.Add(MapCommand.Create(actions));
        root.Subcommands.Add(HealthCommand.Create(actions));
        root.Subcommands.Add(RulesCommand.Create(actions));
        foreach (var session in SessionCommands.Create(actions))
        {
            root.Subcommands.Add(session);
        }
        root.Subcommands.Add(KeyCommands.Create(actions));
        root.Subcommands.Add(AuditCommand.Create(actions));
        return root;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string> { "planning" };
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(1, result.Command.Name);
            }
        }
        return string.Join(' ', names);
    }
}
