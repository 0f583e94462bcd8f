using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning compare &lt;runA&gt; &lt;runB&gt; [--term T] [--flows N]</summary>
internal static class CompareCommand
{
    public static Command Create(CommandActions actions)
    {
        var a = new Argument<string>("run-a") { Description = "First run (e.g. the \"before\" run)" };
        var b = new Argument<string>("run-b") { Description = "Second run" };
        var term = OptionFactory.Term(description: "Also list who moves from where to where in this term");
        var flows = new Option<int>("--flows") { Description = "Largest student flows to list", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("compare", "Two runs side by side, term by term: limits, distances, students moved") { a, b, term, flows };
        actions.Bind(command, async run =>
        {
            var terms = await run.Client.CompareRunsAsync(run.Value(a), run.Value(b), run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(terms);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title("A → B").AddColumn("term");
            foreach (var header in new[] { "schools > limit", "grades > class limit", "seats short", "mean distance m", "areas changed", "students moving" })
            {
                table.AddColumn(new TableColumn(header).RightAligned());
            }
            foreach (var t in terms)
            {
                table.AddRow(t.Term, Pair(t.A?.SchoolsOverSize, t.B?.SchoolsOverSize), Pair(t.A?.GradesOverClassLimit, t.B?.GradesOverClassLimit),
                    Pair(t.A?.SeatsShort, t.B?.SeatsShort), Pair(t.A?.MeanDistanceM, t.B?.MeanDistanceM),
                    $"{t.ChangedAreaCodes.Count:N0}", $"{t.Flows.Sum(f => f.Students):N0}");
            }
            run.Console.Write(table);
            var (runA, runB) = (await run.Client.GetRunAsync(run.Value(a), run.Cancellation), await run.Client.GetRunAsync(run.Value(b), run.Cancellation));
            if (runA.Solver.Length > 0 && runB.Solver.Length > 0 && runA.Solver != runB.Solver)
            {
                run.Console.MarkupLine($"[yellow]A and B were computed by different engine builds[/]: A by {Markup.Escape(runA.Solver)}, B by {Markup.Escape(runB.Solver)}.");
            }
            if (run.Value(term) is { } chosen)
            {
                var comparison = terms.FirstOrDefault(t => t.Term == chosen)
                                 ?? throw new UsageException($"the runs have no term {chosen}; they have {string.Join(", ", terms.Select(t => t.Term))}");
                var flowTable = new Table().Border(TableBorder.Rounded).Title($"who moves in {chosen}")
                    .AddColumn("part").AddColumn("from school").AddColumn("to school").AddColumn(new TableColumn("students").RightAligned());
                foreach (var f in comparison.Flows.OrderByDescending(f => f.Students).Take(run.Value(flows)))
                {
                    flowTable.AddRow(Names.Of(f.Part), f.FromSchoolCode, f.ToSchoolCode, $"{f.Students:N0}");
                }
                run.Console.Write(flowTable);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Pair(double? a, double? b) => $"{a:N0} → {b:N0}";
}
