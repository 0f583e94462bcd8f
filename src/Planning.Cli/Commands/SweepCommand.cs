using System.CommandLine;
using System.Globalization;
using Planning.Client.Api;
using Planning.Cli.Charts;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning sweep [SCENARIO] --move-costs A,B,… | --fill-shares A,B,… [--chart FILE.png|svg]: the trade-off table.</summary>
internal static class SweepCommand
{
    public static Command Create(CommandActions actions)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario id (default: the base data)", Arity = ArgumentArity.ZeroOrOne };
        var moveCosts = Values("--move-costs", "Move costs to run, metres, e.g. 500,1000,2000,5000");
        var fillShares = Values("--fill-shares", "Opening fill shares to run, 0–1, e.g. 0,0.25,0.5");
        var label = new Option<string?>("--label") { Description = "Label prefix of the runs (default sweep)", HelpName = "TEXT" };
        var chart = new Option<string?>("--chart") { Description = "Also draw the table as a chart (.png or .svg)", HelpName = "FILE" };
        var command = new Command("sweep",
            "Run a scenario once per move cost (or opening fill share) and show pupils moved vs mean travel vs violations; each run is stored")
        {
            scenario, moveCosts, fillShares, label, chart,
        };
        actions.Bind(command, async run =>
        {
            var (setting, values) = (run.Value(moveCosts) ?? [], run.Value(fillShares) ?? []) switch
            {
                ({ Length: > 0 } m, []) => (SweepSetting.MoveCost, m),
                ([], { Length: > 0 } f) => (SweepSetting.OpeningFillShare, f),
                _ => throw new UsageException("give either --move-costs or --fill-shares"),
            };
            if (run.Value(chart) is { } file && Path.GetExtension(file).ToLowerInvariant() is not (".png" or ".svg"))
            {
                throw new UsageException($"'{file}': the chart is written as .png or .svg");
            }
            SweepTable? table = null;
            var last = (-1, "");
            await foreach (var update in run.Client.SweepScenarioAsync(run.Value(scenario) ?? "", setting, values, run.Value(label) ?? "", run.Cancellation))
            {
                if (update.Progress is { Run: { } p } progress && !run.Json && (progress.Index, p.Term) != last)
                {
                    run.Console.MarkupLineInterpolated(
                        $"[grey]{progress.Index + 1}/{progress.Count}  {SweepChart.Label(setting, progress.Value)}  {p.Term}  {p.Message}[/]");
                    last = (progress.Index, p.Term);
                }
                table ??= update.Table;
            }
            if (table is null)
            {
                throw new PlanningException(Grpc.Core.StatusCode.Internal, "the sweep ended without its table", []);
            }
            if (run.Value(chart) is { } path)
            {
                SweepChart.Write(table, path);
            }
            if (run.Json)
            {
                run.WriteJson(table);
                return ExitCodes.Ok;
            }
            var grid = new Table().Border(TableBorder.Rounded).Title(SweepChart.Title(setting)).AddColumn("value");
            foreach (var header in new[] { "pupils moved", "mean travel m", "limits broken", "seats short", "enclaves" })
            {
                grid.AddColumn(new TableColumn(header).RightAligned());
            }
            grid.AddColumn("run");
            foreach (var r in table.Rows)
            {
                grid.AddRow(SweepChart.Label(setting, r.Value), $"{r.PupilsMoved:N0}", $"{r.MeanDistanceM:N0}", $"{r.Violations:N0}",
                    $"{r.SeatsShort:N0}", $"{r.Enclaves:N0}", r.RunId);
            }
            run.Console.Write(grid);
            if (run.Value(chart) is { } written)
            {
                run.Console.MarkupLineInterpolated($"chart: {written}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<double[]?> Values(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "A,B,…",
        CustomParser = result =>
        {
            var values = new List<double>();
            foreach (var text in result.Tokens[^1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    result.AddError($"{name}: '{text}' is not a number");
                    return null;
                }
                values.Add(v);
            }
            return [.. values];
        },
    };
}
