using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning import &lt;folder-or-file&gt; [--mode replace|append]</summary>
internal static class ImportCommand
{
    public static Command Create(CommandActions actions)
    {
        var path = new Argument<string>("folder-or-file")
        {
            Description = "A folder holding district.geojson, admin_areas.geojson, schools.geojson, residential_areas.geojson, "
                          + "or one such file (the layer comes from the file name)",
        };
        var mode = OptionFactory.Choice("--mode", "replace: the upload becomes the whole dataset (default); append: add new codes",
            Names.ImportModes);
        var command = new Command("import", "Upload GeoJSON layers; the server validates them as a whole and writes all or nothing")
        {
            path, mode,
        };
        actions.Bind(command, run => RunAsync(run, run.Value(path), run.Value(mode) ?? ImportMode.Replace));
        return command;
    }

    private static async Task<int> RunAsync(Invocation run, string path, ImportMode mode)
    {
        IReadOnlyList<(Layer Layer, string Path)> files;
        try
        {
            files = DatasetFiles.Find(path);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            throw new UsageException(e.Message);
        }
        var layers = files.Select(f => ImportLayer.FromFile(f.Layer, f.Path)).ToList();
        var total = files.Sum(f => new FileInfo(f.Path).Length);

        ImportResult result;
        if (run.Json || !run.Console.Profile.Capabilities.Interactive)
        {
            result = await run.Client.ImportAsync(layers, mode, ct: run.Cancellation);
        }
        else
        {
            result = await run.Console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"uploading {files.Count} layer(s)", maxValue: Math.Max(total, 1));
                var sent = new Progress<long>(bytes => task.Value = bytes);
                return await run.Client.ImportAsync(layers, mode, sent, run.Cancellation);
            });
        }

        if (run.Json)
        {
            run.WriteJson(new { files = files.Select(f => f.Path), mode = Names.Of(mode), result });
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("layer").AddColumn(new TableColumn("features").RightAligned());
        table.AddRow("district", $"{result.Districts:N0}");
        table.AddRow("admin areas", $"{result.AdminAreas:N0}");
        table.AddRow("schools", $"{result.Schools:N0}");
        table.AddRow("residential areas", $"{result.ResidentialAreas:N0}");
        run.Console.Write(table);
        run.Console.MarkupLineInterpolated(result.Unchanged
            ? (FormattableString)$"[green]unchanged[/]: the server already holds exactly these files ({Names.Of(mode)})"
            : $"[green]imported[/] {files.Count} file(s), {total / 1024.0:N0} KiB ({Names.Of(mode)})");
        return ExitCodes.Ok;
    }
}
