using SkiaSharp;

namespace Planning.Reports;

/// <summary>The three things the library writes: one map as an image or a drawing, or the whole report.</summary>
public enum DrawingFormat
{
    Png,
    Svg,
    Pdf,
}

/// <summary>What to write: the format, the part the (first) map shows, its view, and an image's size in pixels.</summary>
public sealed record DrawingOptions(DrawingFormat Format, SchoolPart Part, ReportView View, int Width = 2000, int Height = 1500);

/// <summary>What was written.</summary>
public sealed record DrawingFile(DrawingFormat Format, int Pages, int Width, int Height);

/// <summary>Writes a map as PNG or SVG, or the printed report as a PDF, to a stream.</summary>
public static class ReportWriter
{
    /// <exception cref="MissingFontException">No installed font has the labels' glyphs.</exception>
    public static DrawingFile Write(ReportData data, DrawingOptions options, Stream output)
    {
        using var typeface = MapFonts.Resolve(data.Texts());
        var text = new MapText(typeface);
        var (width, height) = (options.Width, options.Height);
        switch (options.Format)
        {
            case DrawingFormat.Png:
                {
                    using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                        ?? throw new InvalidOperationException($"cannot allocate a {width}×{height} image");
                    new MapRenderer(text).Draw(surface.Canvas, ReportMaps.Map(data, data.Scene, options.Part, options.View), SKRect.Create(width, height));
                    using var image = surface.Snapshot();
                    using var png = image.Encode(SKEncodedImageFormat.Png, 100);
                    png.SaveTo(output);
                    return new DrawingFile(DrawingFormat.Png, 1, width, height);
                }
            case DrawingFormat.Svg:
                {
                    using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), output))
                    {
                        new MapRenderer(text).Draw(canvas, ReportMaps.Map(data, data.Scene, options.Part, options.View), SKRect.Create(width, height));
                    }
                    return new DrawingFile(DrawingFormat.Svg, 1, width, height);
                }
            default:
                {
                    var pages = new ReportDocument(text).WritePdf(data, options.Part, options.View, output);
                    return new DrawingFile(DrawingFormat.Pdf, pages, (int)ReportDocument.PageWidth, (int)ReportDocument.PageHeight);
                }
        }
    }
}
