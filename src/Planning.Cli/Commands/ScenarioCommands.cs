using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning scenarios list|show|create|settings|delete and the change commands.</summary>
internal static class ScenarioCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("scenarios", "What-if scenarios: the base data plus changes and simulation settings");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        command.Subcommands.Add(CreateScenario(actions));
        command.Subcommands.Add(Settings(actions));
        command.Subcommands.Add(Delete(actions));
        foreach (var change in ScenarioChangeCommands.Create(actions).Concat(PinLockCommands.Create(actions)))
        {
            command.Subcommands.Add(change);
        }
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var pageSize = OptionFactory.PageSize();
        var pageToken = OptionFactory.PageToken();
        var command = new Command("list", "Scenarios, newest first") { pageSize, pageToken };
        actions.Bind(command, async run =>
        {
            var page = await run.Client.ListScenariosAsync(new PageRequest(run.Value(pageSize), run.Value(pageToken) ?? ""), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("id").AddColumn("name").AddColumn(new TableColumn("changes").RightAligned()).AddColumn("created");
            foreach (var s in page.Items)
            {
                table.AddRow(new Text(s.Id), new Text(s.Name), new Text($"{s.Changes.Count}"), new Text($"{s.CreatedAt:yyyy-MM-dd HH:mm}"));
            }
            run.Console.Write(table);
            Paging.WriteFooter(run.Console, page, "scenarios");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandActions actions)
    {
        var id = new Argument<string>("scenario") { Description = "Scenario id" };
        var command = new Command("show", "A scenario: settings and changes") { id };
        actions.Bind(command, async run =>
        {
            var scenario = await run.Client.GetScenarioAsync(run.Value(id), run.Cancellation);
            await WriteAsync(run, scenario);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateScenario(CommandActions actions)
    {
        var name = new Argument<string>("name") { Description = "Name, e.g. \"计划方案 2020–2022\"" };
        var description = new Option<string?>("--description") { Description = "Free text", HelpName = "TEXT" };
        var settings = new SettingsOptions();
        var command = new Command("create", "Create a scenario; add changes with open-school, close-school, expand-school, add-area, add-resources")
        {
            name, description,
        };
        settings.AddTo(command);
        actions.Bind(command, async run =>
        {
            var scenario = await run.Client.CreateScenarioAsync(
                run.Value(name), run.Value(description) ?? "", settings.Apply(run, new ScenarioSettings()), ct: run.Cancellation);
            await WriteAsync(run, scenario);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Settings(CommandActions actions)
    {
        var id = new Argument<string>("scenario") { Description = "Scenario id" };
        var settings = new SettingsOptions();
        var command = new Command("settings", "Set norms (千人指标), policy, horizon or solver settings of a scenario") { id };
        settings.AddTo(command);
        actions.Bind(command, async run =>
        {
            if (!settings.AnyGiven(run))
            {
                throw new UsageException("give at least one setting, e.g. --policy reassign or --primary-per-1000 80");
            }
            var scenario = await run.Client.GetScenarioAsync(run.Value(id), run.Cancellation);
            var updated = await run.Client.UpdateScenarioSettingsAsync(
                scenario.Id, settings.Apply(run, scenario.Settings), scenario.Version, run.Cancellation);
            await WriteAsync(run, updated);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandActions actions)
    {
        var id = new Argument<string>("scenario") { Description = "Scenario id" };
        var command = new Command("delete", "Delete a scenario with its runs") { id };
        actions.Bind(command, async run =>
        {
            await run.Client.DeleteScenarioAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(new { deleted = run.Value(id) });
            }
            else
            {
                run.Console.MarkupLineInterpolated($"[green]deleted[/] scenario {run.Value(id)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task WriteAsync(Invocation run, Scenario scenario)
    {
        if (run.Json)
        {
            run.WriteJson(scenario);
        }
        else
        {
            ScenarioTables.Show(run.Console, scenario, (await run.Client.GetRulesAsync(run.Cancellation)).Defaults);
        }
    }
}
