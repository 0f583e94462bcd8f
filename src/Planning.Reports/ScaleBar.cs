using SkiaSharp;

namespace Planning.Reports;

/// <summary>
/// A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the frame's width, in a white box at the
/// frame's bottom right. The box is sized to the bar and its measured labels, and the whole is kept
/// inside the frame, so a wide label such as "10 km" never spills out of it.
/// </summary>
public sealed record ScaleBar(double Metres, SKRect Box, SKRect Bar, IReadOnlyList<(string Text, SKPoint At, SKRect Bounds)> Labels, float LabelSize)
{
    public static ScaleBar Layout(MapProjection projection, MapText text, float unit)
    {
        var frame = projection.Frame;
        var target = frame.Width / 5 * projection.MetresPerPixel;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 5, 2, 1 }.Select(f => f * magnitude).First(m => m <= target);
        var length = (float)(metres / projection.MetresPerPixel);
        var size = Math.Max(8, unit * 1.2f);
        var pad = unit * 0.6f;
        var label = metres >= 1000 ? $"{metres / 1000:0.#} km" : $"{metres:0} m";

        // Laid out at the origin first, then moved so that the box sits inside the frame's bottom right.
        var bar = SKRect.Create(0, -unit * 0.6f, length, unit * 0.6f);
        var baseline = bar.Top - (unit * 0.4f);
        var labels = new[] { ("0", 0f), (label, length) }
            .Select(l => (l.Item1, At: new SKPoint(l.Item2, baseline), Bounds: text.Bounds(l.Item1, l.Item2, baseline, size, SKTextAlign.Center)))
            .ToList();
        var content = labels.Aggregate(bar, (box, l) => SKRect.Union(box, l.Bounds));
        var box = new SKRect(content.Left - pad, content.Top - pad, content.Right + pad, content.Bottom + pad);
        var dx = frame.Right - (unit * 0.5f) - box.Right;
        var dy = frame.Bottom - (unit * 0.5f) - box.Bottom;
        return new ScaleBar(
            metres,
            Offset(box, dx, dy),
            Offset(bar, dx, dy),
            [.. labels.Select(l => (l.Item1, new SKPoint(l.At.X + dx, l.At.Y + dy), Offset(l.Bounds, dx, dy)))],
            size);
    }

    public void Draw(SKCanvas canvas, MapText text)
    {
        using (var background = MapStyle.Fill(SKColors.White.WithAlpha(220)))
        {
            canvas.DrawRect(Box, background);
        }
        using (var black = MapStyle.Fill(MapStyle.Ink))
        using (var white = MapStyle.Fill(SKColors.White))
        using (var outline = MapStyle.Stroke(MapStyle.Ink, 1))
        {
            canvas.DrawRect(SKRect.Create(Bar.Left, Bar.Top, Bar.Width / 2, Bar.Height), black);
            canvas.DrawRect(SKRect.Create(Bar.MidX, Bar.Top, Bar.Width / 2, Bar.Height), white);
            canvas.DrawRect(Bar, outline);
        }
        foreach (var (label, at, _) in Labels)
        {
            text.Draw(canvas, label, at.X, at.Y, LabelSize, MapStyle.Ink, SKTextAlign.Center);
        }
    }

    private static SKRect Offset(SKRect r, float dx, float dy) => new(r.Left + dx, r.Top + dy, r.Right + dx, r.Bottom + dy);
}
