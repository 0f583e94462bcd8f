using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>planning audit — the audit trail (admin).</summary>
internal static class AuditCommand
{
    public static Command Create(CommandActions actions)
    {
        var since = OptionFactory.Instant("--since", "Only events at or after this instant");
        var until = OptionFactory.Instant("--until", "Only events before this instant");
        var action = new Option<string?>("--action") { Description = "Only actions starting with this, e.g. school. or key.create", HelpName = "PREFIX" };
        var target = new Option<string?>("--target") { Description = "Only this target, e.g. \"school BD-P-001\"", HelpName = "TARGET" };
        var key = new Option<string?>("--key") { Description = "Only calls made with this key (its id, see keys list)", HelpName = "ID" };
        var pageSize = OptionFactory.PageSize();
        var pageToken = OptionFactory.PageToken();
        var command = new Command("audit", "The audit trail, newest first: every change and every refused attempt, who made it and from where (admin)")
        {
            since, until, action, target, key, pageSize, pageToken,
        };
        actions.Bind(command, async run =>
        {
            var filter = new AuditFilter(run.Value(since), run.Value(until), run.Value(key), run.Value(action), run.Value(target));
            var page = await run.Client.ListAuditEventsAsync(
                filter, new PageRequest(run.Value(pageSize), run.Value(pageToken) ?? ""), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            run.Console.Write(AccessTables.Events(page.Items));
            Paging.WriteFooter(run.Console, page, "events");
            return ExitCodes.Ok;
        });
        return command;
    }
}
