using System.Text;
using SkiaSharp;

namespace Planning.Reports;

/// <summary>
/// Text drawing with the CJK typeface, with an optional white halo for labels over colour.
/// </summary>
/// <remarks>
/// Text goes to the canvas as a blob that carries its UTF-8 text and one cluster per code point. Without
/// them Skia's PDF backend writes each glyph's character from the font's cmap read backwards, and Noto
/// Sans CJK maps the Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements to the same glyphs as
/// the ideographs: the lowest code point wins, so 小 (U+5C0F) came out as ⼩ (U+2F29), 大 as ⼤, – as ‒,
/// and searching the PDF for 小学 failed. With the text attached, Skia marks every cluster whose glyph
/// maps back to another character with an /ActualText span holding the character drawn.
/// </remarks>
public sealed class MapText(SKTypeface typeface)
{
    public SKTypeface Typeface => typeface;

    public SKFont Font(float size) => new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public float Width(string text, float size)
    {
        using var font = Font(size);
        return font.MeasureText(text);
    }

    /// <summary>The box a line of text takes when drawn at (<paramref name="x"/>, baseline <paramref name="y"/>): its advance, ascent and descent.</summary>
    public SKRect Bounds(string text, float x, float y, float size, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = Font(size);
        var width = font.MeasureText(text);
        var left = Left(x, width, align);
        var metrics = font.Metrics;
        return new SKRect(left, y + metrics.Ascent, left + width, y + metrics.Descent);
    }

    /// <summary>The text cut to <paramref name="width"/> with an ellipsis, or as it is when it fits.</summary>
    public string Fit(string text, float size, float width)
    {
        if (Width(text, size) <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 1 && Width(cut + "…", size) > width)
        {
            cut = char.IsLowSurrogate(cut[^1]) ? cut[..^2] : cut[..^1];
        }
        return cut.TrimEnd() + "…";
    }

    /// <summary>The largest size up to <paramref name="size"/> (and not below <paramref name="smallest"/>) at which the text fits <paramref name="width"/>.</summary>
    public float FitSize(string text, float size, float width, float smallest)
    {
        var measured = Width(text, size);
        return measured <= width ? size : Math.Max(smallest, size * width / measured);
    }

    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor colour,
        SKTextAlign align = SKTextAlign.Left, bool halo = false)
    {
        if (text.Length == 0)
        {
            return;
        }
        using var font = Font(size);
        var origin = new SKPoint(Left(x, font.MeasureText(text), align), y);
        if (halo)
        {
            // The halo is a path, not text, so the text layer holds each label once.
            using var outline = MapStyle.Stroke(SKColors.White.WithAlpha(230), Math.Max(2, size / 5));
            using var path = font.GetTextPath(text, origin);
            canvas.DrawPath(path, outline);
        }
        using var fill = MapStyle.Fill(colour);
        using var blob = Blob(font, text, origin);
        canvas.DrawText(blob, 0, 0, fill);
    }

    private static float Left(float x, float width, SKTextAlign align) => align switch
    {
        SKTextAlign.Center => x - (width / 2),
        SKTextAlign.Right => x - width,
        _ => x,
    };

    /// <summary>A positioned run of one glyph per code point, with the UTF-8 text and each glyph's cluster (its byte offset).</summary>
    private static SKTextBlob Blob(SKFont font, string text, SKPoint origin)
    {
        var glyphs = font.GetGlyphs(text);
        var positions = font.GetGlyphPositions(text, origin);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = new uint[glyphs.Length];
        var offset = 0;
        var glyph = 0;
        for (var i = 0; i < text.Length && glyph < clusters.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            clusters[glyph++] = (uint)offset;
            offset += Encoding.UTF8.GetByteCount(text.AsSpan(i, char.IsSurrogatePair(text, i) ? 2 : 1));
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length, null);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(utf8);
        run.SetClusters(clusters);
        return builder.Build() ?? throw new InvalidOperationException($"cannot lay out the text \"{text}\"");
    }
}
