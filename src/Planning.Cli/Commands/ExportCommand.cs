using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning export &lt;layer&gt; --format geojson|gpkg [--out FILE] [--run ID --term T --part P]</summary>
internal static class ExportCommand
{
    public static Command Create(CommandActions actions)
    {
        var layer = OptionFactory.ChoiceArgument("layer", "Layer to export", Names.Layers);
        var format = OptionFactory.Choice("--format", "File format (default geojson)", Names.Formats);
        var output = new Option<string?>("--out", "-o") { Description = "File to write (default: the server's file name in the current folder)", HelpName = "FILE" };
        var runId = new Option<string?>("--run") { Description = "Catchments: the simulation run", HelpName = "RUN" };
        var term = OptionFactory.Term(description: "Catchments: the term, e.g. 2021-autumn");
        var part = OptionFactory.Choice("--part", "Catchments: primary (grades 1–6, default) or junior (7–9)", Names.Parts);
        var command = new Command("export", "Write a layer as a GeoJSON or GeoPackage file (EPSG:4326)")
        {
            layer, format, output, runId, term, part,
        };
        actions.Bind(command, async run =>
        {
            var chosen = run.Value(layer);
            CatchmentSelection? catchments = null;
            if (chosen == Layer.Catchments)
            {
                if (run.Value(runId) is not { Length: > 0 } id || run.Value(term) is not { } t)
                {
                    throw new UsageException("the catchments layer needs --run and --term");
                }
                catchments = new CatchmentSelection(id, t, run.Value(part) ?? SchoolPart.Primary);
            }
            else if (run.Value(runId) is not null || run.Value(term) is not null || run.Value(part) is not null)
            {
                throw new UsageException("--run, --term and --part apply to the catchments layer only");
            }
            var (file, path) = await ExportAsync(run, chosen, run.Value(format) ?? ExportFormat.Geojson, catchments, run.Value(output));
            if (run.Json)
            {
                run.WriteJson(new { path, file });
            }
            else
            {
                run.Console.MarkupLineInterpolated(
                    $"[green]wrote[/] {path} ({file.FeatureCount:N0} features, {file.Bytes / 1024.0:N1} KiB, {file.ContentType})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Streams into a temporary file next to the target, then moves it into place: no half-written files.</summary>
    private static async Task<(ExportedFile File, string Path)> ExportAsync(
        Invocation run, Layer layer, ExportFormat format, CatchmentSelection? catchments, string? output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output ?? "export")) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".planning-export-{Guid.NewGuid():N}.part");
        try
        {
            ExportedFile file;
            await using (var stream = File.Create(temporary))
            {
                file = await run.Client.ExportLayerAsync(layer, format, stream, catchments, run.Cancellation);
            }
            var path = output ?? Path.Combine(folder, file.FileName.Length > 0 ? file.FileName : DefaultName(layer, format));
            File.Move(temporary, path, overwrite: true);
            return (file, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string DefaultName(Layer layer, ExportFormat format) =>
        $"{Names.Of(layer)}.{(format == ExportFormat.Geopackage ? "gpkg" : "geojson")}";
}
