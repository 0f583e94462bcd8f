using SkiaSharp;

namespace Planning.Cli.Maps;

/// <summary>Text drawing with the CJK typeface, with an optional white halo for labels over colour.</summary>
public sealed class MapText(SKTypeface typeface)
{
    public SKFont Font(float size) => new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public float Width(string text, float size)
    {
        using var font = Font(size);
        return font.MeasureText(text);
    }

    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor colour,
        SKTextAlign align = SKTextAlign.Left, bool halo = false)
    {
        using var font = Font(size);
        if (halo)
        {
            using var outline = MapStyle.Stroke(SKColors.White.WithAlpha(230), Math.Max(2, size / 5));
            canvas.DrawText(text, x, y, align, font, outline);
        }
        using var fill = MapStyle.Fill(colour);
        canvas.DrawText(text, x, y, align, font, fill);
    }
}
