using SkiaSharp;

namespace Planning.Reports;

/// <summary>Legend and north arrow.</summary>
public static class MapLegend
{
    private static readonly (SchoolStatus Status, string Text)[] Statuses =
    [
        (SchoolStatus.WithinLimits, "未超限 within limits"),
        (SchoolStatus.OverLimits, "超限 over limits"),
        (SchoolStatus.New, "新建 new school"),
        (SchoolStatus.Expanded, "扩建 expanded school"),
    ];

    private const string Heading = "图例 legend";
    private const string Catchment = "学区 catchment (one colour per school)";
    private const string Admin = "街镇界 street / town boundary";
    private const string District = "区界 district boundary";
    /// <summary>The size legend's circles: a quarter, half and all of the school size limit.</summary>
    private static int[] SizeSteps(int sizeLimit) => [sizeLimit / 4, sizeLimit / 2, sizeLimit];

    private static string Sizes(int sizeLimit) => $"在校生 students: {string.Join(" / ", SizeSteps(sizeLimit))}";

    /// <summary>Every text the legend draws.</summary>
    public static IEnumerable<string> Texts(int sizeLimit) =>
        [Heading, Catchment, Admin, District, Sizes(sizeLimit), "北", "N", .. Statuses.Select(s => s.Text)];

    /// <summary>The legend's box, standing on <paramref name="bottomLeft"/>, its text sized to fit <paramref name="maxWidth"/>.</summary>
    public static (SKRect Box, float Size) Layout(MapText text, SKPoint bottomLeft, float unit, int sizeLimit, float maxWidth)
    {
        var natural = Math.Max(8, unit * 1.25f);
        var widest = Math.Max(text.Width(Catchment, natural), text.Width(Sizes(sizeLimit), natural));
        // The widest label plus 4 sizes of margin and symbols; text widths scale with the size.
        var scale = Math.Min(1, maxWidth / (widest + (natural * 4)));
        var size = natural * scale;
        var width = (widest + (natural * 4)) * scale;
        var height = (size * 1.6f * 10) + (size * 1.5f);
        return (new SKRect(bottomLeft.X, bottomLeft.Y - height, bottomLeft.X + width, bottomLeft.Y), size);
    }

    public static void DrawLegend(SKCanvas canvas, MapText text, SKRect box, float size, float unit, int sizeLimit)
    {
        var sizes = Sizes(sizeLimit);
        var line = size * 1.6f;
        using (var background = MapStyle.Fill(SKColors.White.WithAlpha(235)))
        using (var border = MapStyle.Stroke(MapStyle.AdminLine, 1))
        {
            canvas.DrawRect(box, background);
            canvas.DrawRect(box, border);
        }
        var x = box.Left + size;
        var y = box.Top + line;
        text.Draw(canvas, Heading, x, y, size * 1.1f, MapStyle.Ink);
        var symbolX = x + (size * 0.6f);
        var textX = x + (size * 2);
        foreach (var (status, label) in Statuses)
        {
            y += line;
            Symbol(canvas, symbolX, y - (size * 0.35f), size * 0.5f, status);
            text.Draw(canvas, label, textX, y, size, MapStyle.Ink);
        }
        y += line;
        var sx = symbolX - (size * 0.4f);
        foreach (var students in SizeSteps(sizeLimit))
        {
            var r = MapStyle.SymbolRadius(students, sizeLimit, size * 0.55f);
            using var outline = MapStyle.Stroke(MapStyle.Ink, 1);
            canvas.DrawCircle(sx + r, y - (size * 0.35f), r, outline);
            sx += (2 * r) + 2;
        }
        y += line;
        text.Draw(canvas, sizes, textX, y, size, MapStyle.Ink);
        y += line;
        for (var i = 0; i < 3; i++)
        {
            using var swatch = MapStyle.Fill(CatchmentColours.Palette[i * 4]);
            canvas.DrawRect(SKRect.Create(x + (i * size * 0.5f), y - size, size * 0.5f, size), swatch);
        }
        text.Draw(canvas, Catchment, textX, y, size, MapStyle.Ink);
        y += line;
        using (var admin = MapStyle.Stroke(MapStyle.AdminLine, Math.Max(1, unit * 0.15f), [unit * 0.6f, unit * 0.4f]))
        {
            canvas.DrawLine(x, y - (size * 0.35f), x + (size * 1.5f), y - (size * 0.35f), admin);
        }
        text.Draw(canvas, Admin, textX, y, size, MapStyle.Ink);
        y += line;
        using (var district = MapStyle.Stroke(MapStyle.DistrictLine, Math.Max(2, unit * 0.3f)))
        {
            canvas.DrawLine(x, y - (size * 0.35f), x + (size * 1.5f), y - (size * 0.35f), district);
        }
        text.Draw(canvas, District, textX, y, size, MapStyle.Ink);
    }

    public static void Symbol(SKCanvas canvas, float x, float y, float radius, SchoolStatus status)
    {
        using var fill = MapStyle.Fill(MapStyle.StatusColour(status));
        using var outline = MapStyle.Stroke(SKColors.White, Math.Max(1, radius / 4));
        canvas.DrawCircle(x, y, radius, fill);
        canvas.DrawCircle(x, y, radius, outline);
    }

    /// <summary>An arrow pointing up (north: the projection keeps north up), top right.</summary>
    public static void DrawNorthArrow(SKCanvas canvas, MapText text, SKRect frame, float unit)
    {
        var cx = frame.Right - (unit * 3);
        var top = frame.Top + (unit * 3.5f);
        var height = unit * 4;
        using var left = Triangle(new(cx, top), new(cx - (unit * 1.2f), top + height), new(cx, top + (height * 0.75f)));
        using var right = Triangle(new(cx, top), new(cx + (unit * 1.2f), top + height), new(cx, top + (height * 0.75f)));
        using var dark = MapStyle.Fill(MapStyle.Ink);
        using var light = MapStyle.Fill(SKColors.White);
        using var outline = MapStyle.Stroke(MapStyle.Ink, 1);
        canvas.DrawPath(left, dark);
        canvas.DrawPath(right, light);
        canvas.DrawPath(right, outline);
        text.Draw(canvas, "N 北", cx, top - (unit * 0.6f), Math.Max(11, unit * 1.4f), MapStyle.Ink, SKTextAlign.Center, halo: true);
    }

    private static SKPath Triangle(SKPoint a, SKPoint b, SKPoint c)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(a);
        builder.LineTo(b);
        builder.LineTo(c);
        builder.Close();
        return builder.Detach();
    }
}
