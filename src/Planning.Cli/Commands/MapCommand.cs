using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Planning.Cli.Maps;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning map [--level primary|junior] [--term T] [--run ID] [--width W --height H] [--bbox B | --urban] --out FILE.png|svg|pdf</summary>
internal static class MapCommand
{
    public static Command Create(CommandActions actions)
    {
        var level = OptionFactory.Choice("--level", "Primary (grades 1–6, default) or junior (7–9) catchments", Names.Parts);
        var term = OptionFactory.Term(description: "Term shown (default: the run's last term, else the server's start term)");
        var runId = new Option<string?>("--run") { Description = "Map a simulation run (default: the current catchments of the base data)", HelpName = "RUN" };
        var width = Size("--width", 2000, "Image width in pixels (PDF: sets the map page's aspect ratio)");
        var height = Size("--height", 1500, "Image height in pixels");
        var bbox = OptionFactory.Bbox("Zoom on this box (WGS84 degrees), e.g. the urban area");
        var urban = new Option<bool>("--urban") { Description = "Zoom on the urban streets (街道)" };
        var output = new Option<string>("--out", "-o")
        {
            Description = "File to write: .png, .svg or .pdf (a report: the map, then enrolment, violations and assessment tables)",
            HelpName = "FILE",
            DefaultValueFactory = _ => "map.png",
        };
        output.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string>() ?? "";
            if (!MapWriter.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            {
                r.AddError($"--out '{path}': write the map as .png, .svg or .pdf");
            }
        });
        var command = new Command("map", "Draw the catchment map a planner pins on the wall (PNG, SVG or a multi-page PDF report)")
        {
            level, term, runId, width, height, bbox, urban, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(bbox) is { Implicit: false } && r.GetValue(urban))
            {
                r.AddError("give --bbox or --urban, not both");
            }
        });
        actions.Bind(command, async run =>
        {
            var request = new MapRequest(run.Value(level) ?? SchoolPart.Primary, run.Value(term), run.Value(runId), run.Value(bbox), run.Value(urban));
            var data = await new MapDataLoader(run.Client).LoadAsync(request, run.Cancellation);
            MapFile file;
            try
            {
                file = MapWriter.Write(data, run.Value(output)!, run.Value(width), run.Value(height));
            }
            catch (MissingFontException e)
            {
                throw new LocalFailureException(e.Message, e);
            }
            if (run.Json)
            {
                run.WriteJson(new { file, catchments = data.Catchments.Count, schools = data.Schools.Count, title = data.Title });
            }
            else
            {
                run.Console.MarkupLineInterpolated(
                    $"[green]wrote[/] {Path.GetFullPath(file.Path)} ({file.Format}, {file.Pages} page(s), {data.Catchments.Count} catchments, {data.Schools.Count} schools)");
                run.Console.MarkupLineInterpolated($"[grey]{data.Title} — {data.Subtitle}[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int> Size(string name, int fallback, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = "PIXELS" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 200 or > 12000)
            {
                r.AddError($"{name} must be between 200 and 12000 pixels");
            }
        });
        return option;
    }
}
