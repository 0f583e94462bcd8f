using SkiaSharp;

namespace Planning.Cli.Maps;

/// <summary>What a render wrote.</summary>
public sealed record MapFile(string Path, string Format, int Pages, int Width, int Height);

/// <summary>Writes a map as PNG, SVG or a multi-page PDF report (map, then the report's tables), chosen by the file extension.</summary>
public static class MapWriter
{
    public static readonly IReadOnlyList<string> Extensions = [".png", ".svg", ".pdf"];

    public static MapFile Write(MapData data, string path, int width, int height)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new ArgumentException($"'{path}': the map is written as .png, .svg or .pdf");
        }
        using var typeface = MapFonts.Resolve(data.Texts());
        var text = new MapText(typeface);
        var renderer = new MapRenderer(text);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        return extension switch
        {
            ".png" => WritePng(renderer, data, path, width, height),
            ".svg" => WriteSvg(renderer, data, path, width, height),
            _ => WritePdf(renderer, text, data, path, width, height),
        };
    }

    private static MapFile WritePng(MapRenderer renderer, MapData data, string path, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"cannot allocate a {width}×{height} image");
        renderer.Draw(surface.Canvas, data, width, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
        return new MapFile(path, "png", 1, width, height);
    }

    private static MapFile WriteSvg(MapRenderer renderer, MapData data, string path, int width, int height)
    {
        using (var file = File.Create(path))
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), file))
        {
            renderer.Draw(canvas, data, width, height);
        }
        return new MapFile(path, "svg", 1, width, height);
    }

    private static MapFile WritePdf(MapRenderer renderer, MapText text, MapData data, string path, int width, int height)
    {
        var tables = new ReportPages(text).Paginate($"{data.Title} — {data.Subtitle}", data.Report);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = data.Title,
            Subject = data.Subtitle,
            Creator = "planning map",
            Producer = "SkiaSharp",
            RasterDpi = 300,
        };
        using (var file = File.Create(path))
        using (var document = SKDocument.CreatePdf(file, metadata))
        {
            // The map page keeps the requested aspect ratio on an A3-wide page (points).
            var pageWidth = 1190f;
            var pageHeight = pageWidth * height / width;
            renderer.Draw(document.BeginPage(pageWidth, pageHeight), data, pageWidth, pageHeight);
            document.EndPage();
            foreach (var page in tables)
            {
                page(document.BeginPage(ReportPages.PageWidth, ReportPages.PageHeight));
                document.EndPage();
            }
            document.Close();
        }
        return new MapFile(path, "pdf", 1 + tables.Count, width, height);
    }
}
