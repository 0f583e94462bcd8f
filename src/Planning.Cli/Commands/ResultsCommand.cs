using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning results &lt;run&gt; --term T [--csv FILE] [--assignments-csv FILE]</summary>
internal static class ResultsCommand
{
    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("run") { Description = "Run id" };
        var term = OptionFactory.Term(required: true);
        var schoolsCsv = new Option<string?>("--csv") { Description = "Also write the school results as CSV (UTF-8)", HelpName = "FILE" };
        var areasCsv = new Option<string?>("--assignments-csv") { Description = "Also write the area → school assignments as CSV", HelpName = "FILE" };
        var command = new Command("results", "Results of a run in one term: summary, schools, violations") { id, term, schoolsCsv, areasCsv };
        actions.Bind(command, async run =>
        {
            var result = await run.Client.GetTermResultAsync(run.Value(id), run.Value(term)!, run.Cancellation);
            if (run.Value(schoolsCsv) is { } schoolsPath)
            {
                WriteSchools(schoolsPath, result);
            }
            if (run.Value(areasCsv) is { } areasPath)
            {
                WriteAssignments(areasPath, result);
            }
            if (run.Json)
            {
                run.WriteJson(result);
                return ExitCodes.Ok;
            }
            if (result.Summary is { } summary)
            {
                run.Console.Write(RunTables.Summaries([summary]));
            }
            run.Console.Write(RunTables.Schools(result.Schools));
            run.Console.Write(result.Violations.Count == 0
                ? new Markup("[green]no violations: every school within its size and class limits[/]\n")
                : RunTables.Violations(result.Violations));
            foreach (var path in new[] { run.Value(schoolsCsv), run.Value(areasCsv) }.OfType<string>())
            {
                run.Console.MarkupLineInterpolated($"[green]wrote[/] {path}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteSchools(string path, TermResult result) => Csv.Write(path,
        ["term", "school_code", "school_name", "level", "open", "total", "size_limit", "primary_tracks", "junior_tracks",
            .. Enumerable.Range(1, 9).Select(g => $"grade_{g}"), .. Enumerable.Range(1, 9).Select(g => $"classes_{g}"),
            .. Enumerable.Range(1, 9).Select(g => $"largest_class_{g}")],
        result.Schools.Select(s => (IEnumerable<object?>)
        [
            result.Term, s.SchoolCode, s.SchoolName, Names.Level(s.Level), s.Open, s.Total, s.SizeLimit, s.PrimaryTracks, s.JuniorTracks,
            .. Pad(s.Enrolment), .. Pad(s.Classes), .. Pad(s.LargestClass),
        ]));

    private static void WriteAssignments(string path, TermResult result) => Csv.Write(path,
        ["term", "area_code", "school_primary_code", "school_junior_code", "distance_primary_m", "distance_junior_m",
            .. Enumerable.Range(1, 9).Select(g => $"grade_{g}")],
        result.Assignments.Select(a => (IEnumerable<object?>)
        [
            result.Term, a.AreaCode, a.SchoolPrimaryCode, a.SchoolJuniorCode, Math.Round(a.DistancePrimaryM), Math.Round(a.DistanceJuniorM),
            .. Pad(a.Students),
        ]));

    private static IEnumerable<object?> Pad(IReadOnlyList<int> values) => Enumerable.Range(0, 9).Select(i => (object?)(i < values.Count ? values[i] : null));
}
