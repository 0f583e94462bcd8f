using System.Globalization;
using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

/// <summary>A plan of additions: a table per school part (what, how much, by when, cost) and the district totals against the budgets.</summary>
internal static class AdditionsTables
{
    public static void Plan(IAnsiConsole console, AdditionsPlan plan)
    {
        var status = plan.Status switch
        {
            PlanStatus.Optimal => "least cost, proven",
            PlanStatus.Feasible => $"passes; not proven least (proven bound ¥{Yuan(plan.LowerBoundYuan)})",
            PlanStatus.OverBudget => "no plan fits the budgets: the smallest shortfall",
            _ => "no plan found (none passes under the limits, or the time ran out first)",
        };
        console.MarkupLineInterpolated($"{plan.Term}: ¥{Yuan(plan.CostYuan)} over {plan.Schools.Count} school part(s) — {status}");
        foreach (var school in plan.Schools)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{school.SchoolCode} {school.SchoolName} — {Names.Of(school.Part)}, {school.Students:N0} students")
                .AddColumn("what").AddColumn(new TableColumn("how much").RightAligned()).AddColumn("by").AddColumn(new TableColumn("cost ¥").RightAligned());
            foreach (var item in school.Items)
            {
                table.AddRow(new Text(AssessmentTables.IndicatorName(item.Indicator)), new Text(item.Amount.ToString("N0", CultureInfo.InvariantCulture)),
                    new Text(item.FromTerm), new Text(Yuan(item.CostYuan)));
            }
            table.Caption($"¥{Yuan(school.CostYuan)}");
            console.Write(table);
        }

        console.WriteLine("District totals against the budgets:");
        var totals = new Table().Border(TableBorder.Rounded)
            .AddColumn("resource").AddColumn(new TableColumn("added").RightAligned()).AddColumn(new TableColumn("budget").RightAligned())
            .AddColumn(new TableColumn("shortfall").RightAligned()).AddColumn(new TableColumn("cost ¥").RightAligned());
        foreach (var b in plan.Budgets)
        {
            totals.AddRow(new Text(AssessmentTables.IndicatorName(b.Indicator)), new Text(b.Added.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(b.Budget is { } budget ? budget.ToString("N0", CultureInfo.InvariantCulture) : "—"),
                b.Shortfall > 0 ? new Text(b.Shortfall.ToString("N0", CultureInfo.InvariantCulture), new Style(Color.Red)) : new Text("0"),
                new Text(Yuan(b.CostYuan)));
        }
        console.Write(totals);
        foreach (var item in plan.NotFixedByResources)
        {
            console.MarkupLineInterpolated($"[yellow]not fixed by resources:[/] {item}");
        }
        console.MarkupLineInterpolated($"[grey]{plan.Method}[/]");
    }

    private static string Yuan(double yuan) => yuan.ToString("N0", CultureInfo.InvariantCulture);
}
