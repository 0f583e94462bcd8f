using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Planning.Reports;

/// <summary>Where a map drawing put its parts, for the report's page and for tests that measure them.</summary>
/// <param name="Inset">The inset's frame, or null when the map has none.</param>
/// <param name="Texts">The title, subtitle and credit lines with the boxes they take.</param>
public sealed record MapLayout(SKRect Area, SKRect Frame, SKRect? Inset, SKRect Legend, ScaleBar ScaleBar, IReadOnlyList<(string Text, SKRect Bounds)> Texts);

/// <summary>
/// Draws one map: title, catchments, boundaries, school symbols, labels, legend, scale bar, north arrow
/// and credits. With an inset the crowded urban streets are drawn again, larger, in a column on the left
/// above the legend, and the main map leaves their labels to it.
/// </summary>
public sealed class MapRenderer(MapText text)
{
    /// <summary>Draws <paramref name="data"/> into <paramref name="area"/> of the canvas; without <paramref name="legend"/> for small side-by-side maps.</summary>
    public MapLayout Draw(SKCanvas canvas, MapData data, SKRect area, bool legend = true)
    {
        var unit = Math.Min(area.Width, area.Height) / 100f;
        var margin = unit * 2;
        var width = area.Width - (2 * margin);
        using (var paper = MapStyle.Fill(MapStyle.Paper))
        {
            canvas.DrawRect(area, paper);
        }
        var texts = new List<(string, SKRect)>();
        var titleSize = text.FitSize(data.Title, Math.Max(12, unit * 3.4f), width, 6);
        var y = area.Top + margin + titleSize;
        texts.Add(Line(canvas, text.Fit(data.Title, titleSize, width), area.Left + margin, y, titleSize, MapStyle.Ink));
        var subtitleSize = text.FitSize(data.Subtitle, Math.Max(8, unit * 1.9f), width, 5);
        y += subtitleSize * 1.6f;
        texts.Add(Line(canvas, text.Fit(data.Subtitle, subtitleSize, width), area.Left + margin, y, subtitleSize, MapStyle.MutedInk));

        var creditSize = Math.Max(6, unit * 1.05f);
        var credits = Wrap(data.Credits, creditSize, width);
        var body = new SKRect(area.Left + margin, y + (unit * 1.2f), area.Right - margin,
            area.Bottom - margin - (credits.Count * creditSize * 1.45f));
        var creditY = body.Bottom + (creditSize * 1.3f);
        foreach (var line in credits)
        {
            texts.Add(Line(canvas, line, body.Left, creditY, creditSize, MapStyle.MutedInk));
            creditY += creditSize * 1.45f;
        }

        var column = data.Inset is null ? 0 : body.Width * 0.3f;
        var frame = data.Inset is null ? body : new SKRect(body.Left + column + unit, body.Top, body.Right, body.Bottom);
        var (legendBox, legendSize) = data.Inset is null
            ? MapLegend.Layout(text, new SKPoint(frame.Left + unit, frame.Bottom - unit), unit, data.SizeLimit, frame.Width * 0.45f)
            : MapLegend.Layout(text, new SKPoint(body.Left, body.Bottom), unit, data.SizeLimit, column);

        var projection = new MapProjection(data.View, frame);
        DrawFrame(canvas, data, projection, unit, data.Inset);
        SKRect? insetFrame = null;
        if (data.Inset is { } inset)
        {
            insetFrame = new SKRect(body.Left, body.Top, body.Left + column, legend ? legendBox.Top - unit : body.Bottom);
            var insetProjection = new MapProjection(inset, insetFrame.Value);
            DrawFrame(canvas, data, insetProjection, unit * 0.8f, null);
            MarkInset(canvas, projection, inset, unit);
            text.Draw(canvas, "城区放大 urban streets (inset)", insetFrame.Value.Left + (unit * 0.6f), insetFrame.Value.Top + (unit * 1.8f),
                Math.Max(7, unit * 1.2f), MapStyle.Ink, halo: true);
        }
        if (legend)
        {
            MapLegend.DrawLegend(canvas, text, legendBox, legendSize, unit, data.SizeLimit);
        }
        var scaleBar = ScaleBar.Layout(projection, text, unit);
        scaleBar.Draw(canvas, text);
        MapLegend.DrawNorthArrow(canvas, text, frame, unit);
        return new MapLayout(area, frame, insetFrame, legend ? legendBox : SKRect.Empty, scaleBar, texts);
    }

    /// <summary>Catchments, boundaries, symbols and labels clipped to the projection's frame, with its border.</summary>
    private void DrawFrame(SKCanvas canvas, MapData data, MapProjection projection, float unit, Envelope? leaveLabelsTo)
    {
        canvas.Save();
        canvas.ClipRect(projection.Frame);
        using (var outside = MapStyle.Fill(MapStyle.OutsideDistrict))
        {
            canvas.DrawRect(projection.Frame, outside);
        }
        DrawAreas(canvas, data, projection, unit);
        DrawLabels(canvas, data, projection, unit, leaveLabelsTo);
        canvas.Restore();
        using var border = MapStyle.Stroke(MapStyle.Ink, Math.Max(1, unit * 0.12f));
        canvas.DrawRect(projection.Frame, border);
    }

    private (string, SKRect) Line(SKCanvas canvas, string line, float x, float y, float size, SKColor colour)
    {
        text.Draw(canvas, line, x, y, size, colour);
        return (line, text.Bounds(line, x, y, size));
    }

    /// <summary>Credit lines joined with " · " while they fit <paramref name="width"/>; a line too long alone is cut with an ellipsis.</summary>
    private List<string> Wrap(IReadOnlyList<string> credits, float size, float width)
    {
        var lines = new List<string>();
        foreach (var credit in credits.Where(c => c.Length > 0))
        {
            if (lines.Count > 0 && text.Width($"{lines[^1]} · {credit}", size) <= width)
            {
                lines[^1] = $"{lines[^1]} · {credit}";
            }
            else
            {
                lines.Add(text.Fit(credit, size, width));
            }
        }
        return lines;
    }

    private static void MarkInset(SKCanvas canvas, MapProjection projection, Envelope inset, float unit)
    {
        var a = projection.Project(inset.MinX, inset.MaxY);
        var b = projection.Project(inset.MaxX, inset.MinY);
        using var line = MapStyle.Stroke(MapStyle.Ink, Math.Max(1, unit * 0.15f), [unit * 0.8f, unit * 0.4f]);
        canvas.DrawRect(new SKRect(a.X, a.Y, b.X, b.Y), line);
    }

    private static void DrawAreas(SKCanvas canvas, MapData data, MapProjection projection, float unit)
    {
        using (var districtPath = projection.ToPath(data.District))
        using (var districtFill = MapStyle.Fill(MapStyle.DistrictFill))
        {
            canvas.DrawPath(districtPath, districtFill);
        }
        var colours = CatchmentColours.Assign([.. data.Catchments.Select(c => c.Area)]);
        using var seams = MapStyle.Stroke(SKColors.White, Math.Max(0.5f, unit * 0.08f));
        for (var i = 0; i < data.Catchments.Count; i++)
        {
            using var path = projection.ToPath(data.Catchments[i].Area);
            using var fill = MapStyle.Fill(CatchmentColours.Palette[colours[i]]);
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, seams);
        }
        using (var admin = MapStyle.Stroke(MapStyle.AdminLine, Math.Max(1, unit * 0.15f), [unit * 0.6f, unit * 0.4f]))
        {
            foreach (var area in data.AdminAreas)
            {
                using var path = projection.ToPath(area.Area.Boundary);
                canvas.DrawPath(path, admin);
            }
        }
        using (var outline = MapStyle.Stroke(MapStyle.DistrictLine, Math.Max(2, unit * 0.3f)))
        using (var path = projection.ToPath(data.District.Boundary))
        {
            canvas.DrawPath(path, outline);
        }
        // Largest first, so that small schools stay visible on top.
        foreach (var school in data.Schools.OrderByDescending(s => s.Students))
        {
            var p = projection.Project(school.Lon, school.Lat);
            MapLegend.Symbol(canvas, p.X, p.Y, MapStyle.SymbolRadius(school.Students, data.SizeLimit, unit), school.Status);
        }
    }

    /// <summary>
    /// Street/town names first, then school names by size; a label that would overlap another is left out,
    /// and so is any inside <paramref name="leaveLabelsTo"/> (the inset draws those).
    /// </summary>
    private void DrawLabels(SKCanvas canvas, MapData data, MapProjection projection, float unit, Envelope? leaveLabelsTo)
    {
        var placed = new List<SKRect>();
        var adminSize = Math.Max(7, unit * 1.7f);
        foreach (var area in data.AdminAreas)
        {
            var centre = area.Area.InteriorPoint;
            if (leaveLabelsTo?.Contains(centre.Coordinate) == true)
            {
                continue;
            }
            var p = projection.Project(centre.X, centre.Y);
            TryPlace(canvas, placed, area.Name, p.X, p.Y, adminSize, MapStyle.MutedInk, SKTextAlign.Center, projection.Frame);
        }
        var schoolSize = Math.Max(5, unit * 1.15f);
        foreach (var school in data.Schools.OrderByDescending(s => s.Status == SchoolStatus.OverLimits).ThenByDescending(s => s.Students))
        {
            if (leaveLabelsTo?.Contains(school.Lon, school.Lat) == true)
            {
                continue;
            }
            var p = projection.Project(school.Lon, school.Lat);
            var r = MapStyle.SymbolRadius(school.Students, data.SizeLimit, unit);
            TryPlace(canvas, placed, school.Name, p.X + r + 2, p.Y + (schoolSize * 0.35f), schoolSize, MapStyle.Ink, SKTextAlign.Left,
                projection.Frame);
        }
    }

    private void TryPlace(SKCanvas canvas, List<SKRect> placed, string label, float x, float y, float size, SKColor colour,
        SKTextAlign align, SKRect frame)
    {
        var box = text.Bounds(label, x, y, size, align);
        box.Inflate(1, 0);
        if (!frame.Contains(box) || placed.Any(b => b.IntersectsWith(box)))
        {
            return;
        }
        placed.Add(box);
        text.Draw(canvas, label, x, y, size, colour, align, halo: true);
    }

    /// <summary>An envelope with a margin of <paramref name="share"/> of its size on every side.</summary>
    public static Envelope Padded(Envelope envelope, double share = 0.03)
    {
        var padded = envelope.Copy();
        padded.ExpandBy(envelope.Width * share, envelope.Height * share);
        return padded;
    }
}
