using System.Globalization;
using Planning.Client.Api;
using Planning.Reports;
using SkiaSharp;

namespace Planning.Cli.Charts;

/// <summary>
/// A sweep's trade-off as a chart: pupils moved (x) against mean travel (y), one point per value joined in
/// the order run, each labelled with its value; red points broke a limit or left pupils without a seat
/// (the count beside them), green ones did not. PNG or SVG by the file's extension.
/// </summary>
public static class SweepChart
{
    public const int Width = 1000;
    public const int Height = 640;

    private const float Left = 110, Right = 40, Top = 70, Bottom = 80;

    public static void Write(SweepTable table, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException($"'{path}': the chart is written as .png or .svg");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var labels = table.Rows.Select(r => Label(table.Setting, r.Value)).ToList();
        using var typeface = MapFonts.Resolve([Title(table.Setting), "pupils moved (all terms)", "mean travel, m", "0123456789,.% mkvioltsh", .. labels]);
        if (extension == ".png")
        {
            using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException("cannot allocate the chart image");
            Draw(surface.Canvas, table, labels, typeface);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(path);
            png.SaveTo(file);
        }
        else
        {
            using var file = File.Create(path);
            using var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), file);
            Draw(canvas, table, labels, typeface);
        }
    }

    public static string Title(SweepSetting setting) => setting == SweepSetting.MoveCost
        ? "Trade-off by move cost: pupils moved vs mean travel"
        : "Trade-off by opening fill share: pupils moved vs mean travel";

    public static string Label(SweepSetting setting, double value) => setting == SweepSetting.MoveCost
        ? string.Create(CultureInfo.InvariantCulture, $"{value:N0} m")
        : string.Create(CultureInfo.InvariantCulture, $"{value:P0}");

    private static void Draw(SKCanvas canvas, SweepTable table, IReadOnlyList<string> labels, SKTypeface typeface)
    {
        canvas.Clear(SKColors.White);
        using var font = new SKFont(typeface, 16);
        using var small = new SKFont(typeface, 13);
        using var ink = new SKPaint { Color = new SKColor(40, 40, 40), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1, IsStroke = true };
        using var line = new SKPaint { Color = new SKColor(90, 110, 160), StrokeWidth = 2, IsStroke = true, IsAntialias = true };
        canvas.DrawText(Title(table.Setting), Left, 36, SKTextAlign.Left, font, ink);

        var rows = table.Rows;
        var (x0, x1) = Range(rows.Select(r => (double)r.PupilsMoved));
        var (y0, y1) = Range(rows.Select(r => r.MeanDistanceM));
        float X(double v) => Left + (float)((v - x0) / (x1 - x0)) * (Width - Left - Right);
        float Y(double v) => Height - Bottom - (float)((v - y0) / (y1 - y0)) * (Height - Top - Bottom);

        for (var i = 0; i <= 5; i++)
        {
            var xv = x0 + (x1 - x0) * i / 5;
            var yv = y0 + (y1 - y0) * i / 5;
            canvas.DrawLine(X(xv), Top, X(xv), Height - Bottom, grid);
            canvas.DrawLine(Left, Y(yv), Width - Right, Y(yv), grid);
            canvas.DrawText(xv.ToString("N0", CultureInfo.InvariantCulture), X(xv), Height - Bottom + 22, SKTextAlign.Center, small, ink);
            canvas.DrawText(yv.ToString("N0", CultureInfo.InvariantCulture), Left - 10, Y(yv) + 5, SKTextAlign.Right, small, ink);
        }
        canvas.DrawText("pupils moved (all terms)", (Left + Width - Right) / 2, Height - 24, SKTextAlign.Center, font, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, 28, (Top + Height - Bottom) / 2);
        canvas.DrawText("mean travel, m", 28, (Top + Height - Bottom) / 2, SKTextAlign.Center, font, ink);
        canvas.Restore();

        for (var i = 1; i < rows.Count; i++)
        {
            canvas.DrawLine(X(rows[i - 1].PupilsMoved), Y(rows[i - 1].MeanDistanceM), X(rows[i].PupilsMoved), Y(rows[i].MeanDistanceM), line);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var broken = r.Violations + r.SeatsShort;
            using var dot = new SKPaint { Color = broken > 0 ? new SKColor(200, 40, 40) : new SKColor(30, 140, 60), IsAntialias = true };
            var (px, py) = (X(r.PupilsMoved), Y(r.MeanDistanceM));
            canvas.DrawCircle(px, py, 7, dot);
            var text = broken > 0 ? $"{labels[i]} ({r.Violations} limits, {r.SeatsShort} short)" : labels[i];
            canvas.DrawText(text, px + 10, py - 10, SKTextAlign.Left, small, ink);
        }
    }

    /// <summary>The values' range with a margin, never empty.</summary>
    private static (double Low, double High) Range(IEnumerable<double> values)
    {
        var list = values.DefaultIfEmpty(0).ToList();
        var (low, high) = (list.Min(), list.Max());
        var pad = Math.Max((high - low) * 0.1, Math.Max(1, Math.Abs(high) * 0.02));
        return (low - pad, high + pad);
    }
}
