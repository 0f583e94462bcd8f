using System.CommandLine;
using System.Globalization;
using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning rules — the limits, grade bands, norms and defaults in force on the server.</summary>
internal static class RulesCommand
{
    public static Command Create(CommandActions actions)
    {
        var command = new Command("rules", "The rules in force on the server: size and class limits, the standard's norms and ceilings, defaults");
        actions.Bind(command, async run =>
        {
            var rules = await run.Client.GetRulesAsync(run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(rules);
                return ExitCodes.Ok;
            }
            var console = run.Console;
            console.MarkupLineInterpolated($"standard [bold]{rules.Standard}[/]");
            console.MarkupLineInterpolated(
                $"school size: at most {rules.SchoolSizeLimit:N0} students (nine-year schools {rules.NineYearSizeLimit:N0})");
            var bands = new Table().Border(TableBorder.Rounded).Title("grade bands")
                .AddColumn("part").AddColumn("grades").AddColumn(new TableColumn("class limit").RightAligned())
                .AddColumn(new TableColumn("coefficient ceiling").RightAligned());
            foreach (var b in rules.GradeBands)
            {
                bands.AddRow(Output.Names.Of(b.Part), $"{b.FirstGrade}–{b.LastGrade}", $"{b.ClassLimit}", Number(b.CoefficientCeiling));
            }
            console.Write(bands);
            var norms = new Table().Border(TableBorder.Rounded)
                .Title($"indicators: each school part meets {rules.MinimumIndicatorsMet} of {rules.Indicators.Count}, the others ≥ {rules.FloorShare:P0} of their norm")
                .AddColumn("indicator").AddColumn("unit").AddColumn(new TableColumn("primary").RightAligned())
                .AddColumn(new TableColumn("junior").RightAligned());
            foreach (var i in rules.Indicators)
            {
                norms.AddRow(Markup.Escape($"{i.NameZh}\n{i.NameEn}"), Markup.Escape(i.Unit), Number(i.PrimaryNorm), Number(i.JuniorNorm));
            }
            console.Write(norms);
            var d = rules.Defaults;
            console.MarkupLineInterpolated(
                $"terms: {rules.TermFormat.Example} (pattern {rules.TermFormat.Pattern}); defaults {d.StartTerm} → {d.HorizonTerm}, at most {d.MaxHorizonYears} school years");
            console.MarkupLineInterpolated(
                $"defaults: {Number(d.PrimaryStudentsPer1000)} primary / {Number(d.JuniorStudentsPer1000)} junior students per 1,000 residents, move cost {Number(d.MoveCostM)} m, catchment change {Number(d.CatchmentChangeCostM)} m, {d.CandidateSchools} candidate schools, solver {Number(d.TimeLimitSeconds)} deterministic s per term");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
