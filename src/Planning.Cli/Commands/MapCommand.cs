using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Planning.Cli.Maps;
using Planning.Reports;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning map [--level primary|junior] [--term T] [--run ID [--compare RUN]] [--issuer TEXT] [--width W --height H] [--bbox B | --urban] --out FILE.png|svg|pdf</summary>
internal static class MapCommand
{
    /// <summary>The file types written, by extension.</summary>
    private static readonly IReadOnlyDictionary<string, DrawingFormat> Formats = new Dictionary<string, DrawingFormat>
    {
        [".png"] = DrawingFormat.Png, [".svg"] = DrawingFormat.Svg, [".pdf"] = DrawingFormat.Pdf,
    };

    public static Command Create(CommandActions actions)
    {
        var level = OptionFactory.Choice("--level", "Primary (grades 1–6, default) or junior (7–9) catchments", Names.Parts);
        var term = OptionFactory.Term(description: "Term shown (default: the run's last term, else the server's start term)");
        var runId = new Option<string?>("--run") { Description = "Map a simulation run (default: the current catchments of the base data)", HelpName = "RUN" };
        var compare = new Option<string?>("--compare")
        {
            Description = "PDF: a second run (e.g. the \"before\" run) for the report's before/after page", HelpName = "RUN",
        };
        var issuer = new Option<string?>("--issuer") { Description = "PDF: the issuing office (default: the district's education bureau, e.g. 宝坻区教育局)", HelpName = "TEXT" };
        var width = Size("--width", 2000, "Image width in pixels (PDF: sets the map page's aspect ratio)");
        var height = Size("--height", 1500, "Image height in pixels");
        var bbox = OptionFactory.Bbox("Zoom on this box (WGS84 degrees), e.g. the urban area");
        var urban = new Option<bool>("--urban") { Description = "Zoom on the urban streets (街道)" };
        var output = new Option<string>("--out", "-o")
        {
            Description = "File to write: .png, .svg or .pdf (the report: cover, primary and junior maps, before/after, per-grade tables, violations, the standard, sources)",
            HelpName = "FILE",
            DefaultValueFactory = _ => "map.png",
        };
        output.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string>() ?? "";
            if (!Formats.ContainsKey(Path.GetExtension(path).ToLowerInvariant()))
            {
                r.AddError($"--out '{path}': write the map as .png, .svg or .pdf");
            }
        });
        var command = new Command("map", "Draw the catchment map a planner pins on the wall (PNG, SVG or a multi-page PDF report)")
        {
            level, term, runId, compare, issuer, width, height, bbox, urban, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(bbox) is { Implicit: false } && r.GetValue(urban))
            {
                r.AddError("give --bbox or --urban, not both");
            }
            if (r.GetValue(compare) is not null && r.GetValue(runId) is null)
            {
                r.AddError("--compare needs --run: the report compares two runs");
            }
            if (r.GetValue(issuer) is { } office && (office.Trim().Length == 0 || office.Length > 100))
            {
                r.AddError("--issuer must be 1 to 100 characters");
            }
        });
        actions.Bind(command, async run =>
        {
            var path = run.Value(output)!;
            var format = Formats[Path.GetExtension(path).ToLowerInvariant()];
            var request = new MapRequest(run.Value(level) ?? SchoolPart.Primary, run.Value(term), run.Value(runId), run.Value(bbox), run.Value(urban),
                Report: format == DrawingFormat.Pdf, CompareRunId: run.Value(compare), IssuingOffice: run.Value(issuer)?.Trim());
            var data = await new MapDataLoader(run.Client).LoadAsync(request, run.Cancellation);
            var view = MapDataLoader.View(request);
            var file = Write(data, new DrawingOptions(format, request.Part, view, run.Value(width), run.Value(height)), path);
            var map = ReportMaps.Map(data, data.Scene, request.Part, view);
            if (run.Json)
            {
                run.WriteJson(new
                {
                    file = new { path = Path.GetFullPath(path), format = $"{file.Format}".ToLowerInvariant(), file.Pages, file.Width, file.Height },
                    catchments = map.Catchments.Count,
                    schools = map.Schools.Count,
                    title = map.Title,
                });
            }
            else
            {
                run.Console.MarkupLineInterpolated(
                    $"[green]wrote[/] {Path.GetFullPath(path)} ({file.Format.ToString().ToLowerInvariant()}, {file.Pages} page(s), {map.Catchments.Count} catchments, {map.Schools.Count} schools)");
                run.Console.MarkupLineInterpolated($"[grey]{map.Title} — {map.Subtitle}[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes the file; a half-written one is removed.</summary>
    private static DrawingFile Write(ReportData data, DrawingOptions options, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        try
        {
            using var file = File.Create(path);
            return ReportWriter.Write(data, options, file);
        }
        catch (Exception e) when (e is MissingFontException or InvalidOperationException)
        {
            File.Delete(path);
            throw new LocalFailureException(e.Message, e);
        }
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
