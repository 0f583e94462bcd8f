using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning assess &lt;run&gt; --term T [--school CODE] [--out FILE --format csv|xml]; planning rectification &lt;run&gt;; planning additions &lt;run&gt; --term T.</summary>
internal static class AssessCommands
{
    public static Command Assess(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var term = OptionFactory.Term(required: true);
        var school = new Option<string?>("--school") { Description = "One school with every item and its gap", HelpName = "CODE" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the assessment file", HelpName = "FILE" };
        var format = OptionFactory.Choice("--format", "Format of --out: csv (default) or xml (SpreadsheetML)", Names.AssessmentFormats);
        var command = new Command("assess", "Assess a run's term against the national standard (校校达标、项项达标)")
        {
            id, term, school, output, format,
        };
        actions.Bind(command, async run =>
        {
            var (runId, t) = (run.Value(id), run.Value(term)!);
            if (run.Value(output) is { } path)
            {
                // Buffered, so that a refused call leaves no empty file behind.
                using var buffer = new MemoryStream();
                await run.Client.ExportAssessmentAsync(runId, t, run.Value(format) ?? AssessmentFormat.Csv, buffer, run.Cancellation);
                await File.WriteAllBytesAsync(path, buffer.ToArray(), run.Cancellation);
            }
            if (run.Value(school) is { } code)
            {
                var one = await run.Client.AssessSchoolAsync(runId, t, code, run.Cancellation);
                if (run.Json)
                {
                    run.WriteJson(one);
                }
                else
                {
                    AssessmentTables.School(run.Console, one);
                }
                return ExitCodes.Ok;
            }
            var district = await run.Client.AssessDistrictAsync(runId, t, run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(district);
            }
            else
            {
                AssessmentTables.District(run.Console, district);
                if (run.Value(output) is { } written)
                {
                    run.Console.MarkupLineInterpolated($"[green]wrote[/] {written}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Rectification(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var command = new Command("rectification", "Open items per school and the term each closes (销号管理)") { id };
        actions.Bind(command, async run =>
        {
            var items = await run.Client.GetRectificationListAsync(run.Value(id), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(items);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title($"{items.Count} item(s)")
                .AddColumn("school").AddColumn("part").AddColumn("item").AddColumn("opened").AddColumn("closed");
            foreach (var i in items)
            {
                table.AddRow(new Text(i.SchoolCode), new Text(Names.Of(i.Part)),
                    new Text(i.Indicator == Indicator.Unspecified ? i.Item : AssessmentTables.IndicatorName(i.Indicator)),
                    new Text(i.OpenedTerm), i.ClosedTerm.Length == 0 ? new Text("open", new Style(Color.Red)) : new Text(i.ClosedTerm));
            }
            run.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Additions(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var term = OptionFactory.Term(required: true);
        var budgets = OptionFactory.Choice("--budgets", "action-plan (default: the plan's figures) or none", Names.BudgetSets);
        var limit = new Option<double?>("--time-limit") { Description = "Seconds the optimiser may search (server default 60, at most 600)", HelpName = "S" };
        var command = new Command("additions", "The least-cost additions per school so the term passes (新增配置方案)") { id, term, budgets, limit };
        actions.Bind(command, async run =>
        {
            var plan = await run.Client.PlanAdditionsAsync(run.Value(id), run.Value(term)!, run.Value(budgets) ?? BudgetSet.ActionPlan,
                run.Value(limit) ?? 0, run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(plan);
            }
            else
            {
                AdditionsTables.Plan(run.Console, plan);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
