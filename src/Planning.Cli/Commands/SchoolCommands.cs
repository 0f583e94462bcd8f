using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning schools summary|list|show|delete</summary>
internal static class SchoolCommands
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("schools", "Schools of the base data");
        command.Subcommands.Add(Summary(actions));
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        command.Subcommands.Add(Delete(actions));
        return command;
    }

    private static Command Summary(CommandActions actions)
    {
        var command = new Command("summary", "School counts by level and kind, with totals and the base-term enrolment");
        actions.Bind(command, async run =>
        {
            var schools = await run.Client.ListAllSchoolsAsync(ct: run.Cancellation);
            var summary = SchoolSummary.Of(schools);
            if (run.Json)
            {
                run.WriteJson(summary);
            }
            else
            {
                run.Console.Write(SchoolTables.Summary(summary));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var level = OptionFactory.Choice("--level", "Only this level", Names.Levels);
        var kind = OptionFactory.Choice("--kind", "Only this kind", Names.Kinds);
        var adminArea = new Option<string?>("--admin-area") { Description = "Only schools in this street or town (code)", HelpName = "CODE" };
        var bbox = OptionFactory.Bbox("Only schools inside this box (WGS84 degrees)");
        var pageSize = OptionFactory.PageSize();
        var pageToken = OptionFactory.PageToken();
        var all = OptionFactory.All();
        var command = new Command("list", "Schools matching the filters, ordered by code")
        {
            level, kind, adminArea, bbox, pageSize, pageToken, all,
        };
        actions.Bind(command, async run =>
        {
            var filter = new SchoolFilter(run.Value(level), run.Value(kind), run.Value(adminArea), run.Value(bbox));
            var page = run.Value(all)
                ? await Paging.AllAsPage(run.Client.ListAllSchoolsAsync(filter, run.Cancellation))
                : await run.Client.ListSchoolsAsync(filter, new PageRequest(run.Value(pageSize), run.Value(pageToken) ?? ""), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(page);
                return ExitCodes.Ok;
            }
            run.Console.Write(SchoolTables.List(page.Items, await run.Client.GetRulesAsync(run.Cancellation)));
            Paging.WriteFooter(run.Console, page, "schools");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandActions actions)
    {
        var code = new Argument<string>("code") { Description = "School code" };
        var command = new Command("show", "One school: capacity steps, resources and enrolment by grade") { code };
        actions.Bind(command, async run =>
        {
            var school = await run.Client.GetSchoolAsync(run.Value(code), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(school);
            }
            else
            {
                SchoolTables.Show(run.Console, school, await run.Client.GetRulesAsync(run.Cancellation));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandActions actions)
    {
        var code = new Argument<string>("code") { Description = "School code" };
        var command = new Command("delete", "Delete a school (refused while residential areas are assigned to it)") { code };
        actions.Bind(command, async run =>
        {
            var school = await run.Client.GetSchoolAsync(run.Value(code), run.Cancellation);
            await run.Client.DeleteSchoolAsync(school.Id, school.Version, run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(new { deleted = school.Code });
            }
            else
            {
                run.Console.MarkupLineInterpolated($"[green]deleted[/] {school.Code} {school.Name}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
