using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning login|logout|whoami|web-link — the key this command line sends, and where it is kept.</summary>
internal static class SessionCommands
{
    public const string WebVariable = "PLANNING_WEB_URL";

    public const string DefaultWebAddress = "http://127.0.0.1:5080/";

    public static IEnumerable<Command> Create(CommandActions actions) => [Login(actions), Logout(actions), WhoAmI(actions), WebLink(actions)];

    private static Command Login(CommandActions actions)
    {
        var fromStdin = new Option<bool>("--key-stdin") { Description = "Read the key from standard input instead of asking for it" };
        var command = new Command("login",
            "Check an API key with the server (WhoAmI) and store it for that server in the credentials file") { fromStdin };
        actions.Bind(command, async run =>
        {
            var key = ReadKey(run, run.Value(fromStdin));
            var address = run.ServerAddress;
            var who = await run.ClientWithKey(key).WhoAmIAsync(run.Cancellation);
            var credentials = run.Credentials;
            credentials.Save(address, new StoredCredential(key, who.Name, Names.Of(who.Role)));
            if (run.Json)
            {
                run.WriteJson(new { server = address, who.Name, who.Role, who.Prefix, credentials = credentials.Path });
                return ExitCodes.Ok;
            }
            run.Console.MarkupLineInterpolated($"[green]signed in[/] to {address} as {who.Name} ({Names.Of(who.Role)})");
            run.Console.MarkupLineInterpolated($"[grey]key {who.Prefix}… stored in {credentials.Path}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadKey(Invocation run, bool fromStdin)
    {
        string key;
        if (fromStdin)
        {
            key = run.Context.Input.ReadToEnd();
        }
        else if (run.Console.Profile.Capabilities.Interactive && !System.Console.IsInputRedirected)
        {
            key = run.Console.Prompt(new TextPrompt<string>("API key (pln_…):").Secret(null));
        }
        else
        {
            throw new UsageException("there is no terminal to ask for the key on: pipe it in with --key-stdin");
        }
        return key.Trim() is { Length: > 0 } trimmed ? trimmed : throw new UsageException("no key given");
    }

    private static Command Logout(CommandActions actions)
    {
        var command = new Command("logout", "Forget the key stored for the server (the key itself stays valid: revoke it with keys revoke)");
        actions.Bind(command, run =>
        {
            var address = run.ServerAddress;
            var credentials = run.Credentials;
            var removed = credentials.Remove(address);
            if (run.Json)
            {
                run.WriteJson(new { server = address, removed });
                return Task.FromResult(ExitCodes.Ok);
            }
            if (removed)
            {
                run.Console.MarkupLineInterpolated($"[green]signed out[/] of {address}: its key is no longer in {credentials.Path}");
            }
            else
            {
                run.Console.MarkupLineInterpolated($"no key was stored for {address} in {credentials.Path}");
            }
            if (run.Context.Environment(PlanningClientOptions.ApiKeyVariable) is { Length: > 0 })
            {
                run.Console.MarkupLine($"[yellow]{PlanningClientOptions.ApiKeyVariable} is set: its key is still sent[/]");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command WhoAmI(CommandActions actions)
    {
        var command = new Command("whoami", "The key this command line sends: name, role, prefix and server");
        actions.Bind(command, async run =>
        {
            var who = await run.Client.WhoAmIAsync(run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(new { server = run.ServerAddress, who.Id, who.Name, who.Role, who.Prefix, who.CreatedAt, who.CreatedBy });
            }
            else
            {
                run.Console.Write(AccessTables.Key(who, run.ServerAddress));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command WebLink(CommandActions actions)
    {
        var web = new Option<string?>("--web")
        {
            Description = $"The web map's address (default: {WebVariable}, else {DefaultWebAddress})",
            HelpName = "URL",
        };
        var command = new Command("web-link",
            "The web map's address with the key in its fragment (#key=…, which browsers never send): opening it signs the page in")
        {
            web,
        };
        actions.Bind(command, run =>
        {
            var address = run.Value(web) ?? (run.Context.Environment(WebVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultWebAddress);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new UsageException($"'{address}' is not a web address such as {DefaultWebAddress}");
            }
            if (run.ApiKey is not { } key)
            {
                run.Console.MarkupLineInterpolated(
                    $"[red]error:[/] no API key for {run.ServerAddress}: sign in with planning login --key-stdin, or set {PlanningClientOptions.ApiKeyVariable}");
                return Task.FromResult(ExitCodes.NotAllowed);
            }
            var link = new UriBuilder(uri) { Fragment = $"key={Uri.EscapeDataString(key)}" }.Uri.AbsoluteUri;
            if (run.Json)
            {
                run.WriteJson(new { url = link });
            }
            else
            {
                run.Context.WriteRaw(link);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
