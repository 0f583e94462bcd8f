using Planning.Client.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Planning.Cli.Output;

internal static class RunTables
{
    public static Table Runs(IEnumerable<Run> runs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("label").AddColumn("scenario").AddColumn("mode").AddColumn("status").AddColumn("started")
            .AddColumn(new TableColumn("terms").RightAligned()).AddColumn("started by").AddColumn("node")
            .AddColumn(new TableColumn("attempts").RightAligned());
        foreach (var r in runs)
        {
            table.AddRow(new Text(r.Id), new Text(r.Label), new Text(r.ScenarioId.Length == 0 ? "(base data)" : r.ScenarioId),
                new Text(Names.Of(r.Mode)), Status(r.Status), new Text($"{r.StartedAt ?? r.QueuedAt:yyyy-MM-dd HH:mm}"), new Text($"{r.Terms.Count}"),
                new Text(r.StartedBy), new Text(r.Node), new Text(r.Attempts == 0 ? "" : $"{r.Attempts}"));
        }
        return table;
    }

    public static void Show(IAnsiConsole console, Run run)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("id", new Style(Color.Grey)), new Text(run.Id));
        grid.AddRow(new Text("label", new Style(Color.Grey)), new Text(run.Label));
        grid.AddRow(new Text("scenario", new Style(Color.Grey)), new Text(run.ScenarioId.Length == 0 ? "(base data)" : run.ScenarioId));
        grid.AddRow(new Text("mode", new Style(Color.Grey)), new Text(Names.Of(run.Mode)));
        grid.AddRow(new Text("status", new Style(Color.Grey)), Status(run.Status));
        if (run.StartedBy.Length > 0)
        {
            grid.AddRow(new Text("started by", new Style(Color.Grey)), new Text(run.StartedBy));
        }
        if (run.Node.Length > 0)
        {
            grid.AddRow(new Text("node", new Style(Color.Grey)),
                new Text(run.Attempts > 1 ? $"{run.Node} (attempt {run.Attempts})" : run.Node));
        }
        if (run.Solver.Length > 0)
        {
            grid.AddRow(new Text("solver", new Style(Color.Grey)), new Text(run.Solver));
        }
        if (run.Error.Length > 0)
        {
            grid.AddRow(new Text("error", new Style(Color.Grey)), new Text(run.Error, new Style(Color.Red)));
        }
        grid.AddRow(new Text("time", new Style(Color.Grey)), new Text($"{run.StartedAt ?? run.QueuedAt:yyyy-MM-dd HH:mm:ss} → {run.FinishedAt:HH:mm:ss}"));
        if (run.QueuedAt is { } queued && (run.StartedAt ?? run.FinishedAt) is { } left && left - queued >= TimeSpan.FromSeconds(1))
        {
            grid.AddRow(new Text("in line", new Style(Color.Grey)), new Text($"{(left - queued).TotalSeconds:0} s from {queued:HH:mm:ss}"));
        }
        console.Write(new Panel(grid).Header("run").Border(BoxBorder.Rounded));
        if (run.Summaries.Count > 0)
        {
            console.Write(Summaries(run.Summaries));
        }
    }

    public static Table Summaries(IEnumerable<TermSummary> summaries)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("per term").AddColumn("term");
        foreach (var header in new[] { "students", "schools > limit", "grades > class limit", "seats short", "moved", "mean m", "max m", "gap" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var s in summaries)
        {
            table.AddRow(new Text(s.Term), new Text($"{s.Students:N0}"), Bad(s.SchoolsOverSize), Bad(s.GradesOverClassLimit),
                Bad(s.SeatsShort), new Text($"{s.StudentsMoved:N0}"), new Text($"{s.MeanDistanceM:N0}"),
                new Text($"{s.MaxDistanceM:N0}"), new Text($"{s.OptimalityGap:P1}"));
        }
        return table;
    }

    public static Table Schools(IEnumerable<SchoolTermResult> schools)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("schools")
            .AddColumn("code").AddColumn("name").AddColumn("level");
        foreach (var header in new[] { "tracks", "students", "limit", "largest class" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var s in schools.Where(s => s.Open))
        {
            var over = s.Total > s.SizeLimit;
            table.AddRow(new Text(s.SchoolCode), new Text(s.SchoolName), new Text(Names.Level(s.Level)),
                new Text($"{s.PrimaryTracks}+{s.JuniorTracks}"),
                new Text($"{s.Total:N0}", over ? new Style(Color.Red) : Style.Plain), new Text($"{s.SizeLimit:N0}"),
                new Text(s.LargestClass.Count == 0 ? "" : $"{s.LargestClass.Max()}"));
        }
        return table;
    }

    public static Table Violations(IReadOnlyList<Violation> violations)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{violations.Count} violation(s)")
            .AddColumn("kind").AddColumn("school").AddColumn(new TableColumn("grade").RightAligned())
            .AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("limit").RightAligned()).AddColumn("explanation");
        foreach (var v in violations)
        {
            table.AddRow(new Text(Names.Of(v.Kind)), new Text(v.SchoolCode), new Text(v.Grade == 0 ? "" : $"{v.Grade}"),
                new Text($"{v.Value:N0}"), new Text($"{v.Limit:N0}"), new Text(v.Message));
        }
        return table;
    }

    public static IRenderable Status(RunStatus status) => new Text(Names.Of(status), new Style(status switch
    {
        RunStatus.Succeeded => Color.Green,
        RunStatus.Running or RunStatus.Queued => Color.Yellow,
        _ => Color.Red,
    }));

    private static Text Bad(int value) => new($"{value:N0}", value > 0 ? new Style(Color.Red) : Style.Plain);
}
