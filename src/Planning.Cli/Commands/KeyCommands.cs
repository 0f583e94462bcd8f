using System.CommandLine;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning keys create|list|revoke — API keys (admin).</summary>
internal static class KeyCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("keys", "API keys: who may call the server, with which role (admin)");
        command.Subcommands.Add(CreateKey(actions));
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Revoke(actions));
        return command;
    }

    private static Command CreateKey(CommandActions actions)
    {
        var name = new Argument<string>("name") { Description = "Who or what the key is for, e.g. \"王老师 (planning office)\"" };
        var role = OptionFactory.Choice("--role", "What the key may do: viewer reads, planner also runs scenarios, admin also edits data and keys", Names.Roles);
        role.Required = true;
        var command = new Command("create", "Create a key; its secret is printed this once") { name, role };
        actions.Bind(command, async run =>
        {
            var created = await run.Client.CreateApiKeyAsync(run.Value(name), run.Value(role)!.Value, run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(created);
                return ExitCodes.Ok;
            }
            var key = created.Key;
            run.Console.MarkupLineInterpolated($"[green]created[/] key {key.Id} {key.Name} ({Names.Of(key.Role)})");
            run.Context.WriteRaw(created.Secret);
            run.Console.MarkupLine("[yellow]This is the only time the secret is shown: the server keeps only its hash. "
                + "Hand it over now; its holder signs in with: planning login --key-stdin[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var all = new Option<bool>("--all") { Description = "Also revoked keys" };
        var command = new Command("list", "Keys, newest first, without their secrets") { all };
        actions.Bind(command, async run =>
        {
            var page = await Paging.AllAsPage(run.Client.ListAllApiKeysAsync(run.Value(all), run.Cancellation));
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            run.Console.Write(AccessTables.Keys(page.Items));
            run.Console.MarkupLineInterpolated($"[grey]{page.TotalCount} {(run.Value(all) ? "keys" : "active keys; revoked ones too: --all")}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Id of the key (see keys list)" };
        var command = new Command("revoke", "Revoke a key: from the next call on, calls with it are refused") { id };
        actions.Bind(command, async run =>
        {
            var key = await run.Client.RevokeApiKeyAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(key);
            }
            else
            {
                run.Console.MarkupLineInterpolated($"[green]revoked[/] key {key.Id} {key.Name} ({Names.Of(key.Role)})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
