using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Planning.Cli.Maps;

/// <summary>Draws one map page: title, catchments, boundaries, school symbols, labels, legend, scale bar, north arrow.</summary>
public sealed class MapRenderer(MapText text)
{
    /// <summary>Draws <paramref name="data"/> onto a canvas of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public void Draw(SKCanvas canvas, MapData data, float width, float height)
    {
        var unit = Math.Min(width, height) / 100f;
        var margin = unit * 2;
        var titleHeight = Math.Max(40, unit * 8);
        canvas.Clear(MapStyle.Paper);
        text.Draw(canvas, data.Title, margin, margin + (titleHeight * 0.5f), titleHeight * 0.42f, MapStyle.Ink);
        text.Draw(canvas, data.Subtitle, margin, margin + (titleHeight * 0.88f), titleHeight * 0.24f, MapStyle.MutedInk);

        var frame = new SKRect(margin, margin + titleHeight, width - margin, height - margin);
        var projection = new MapProjection(data.View, frame);
        canvas.Save();
        canvas.ClipRect(frame);
        canvas.Clear(MapStyle.OutsideDistrict);
        DrawAreas(canvas, data, projection, unit);
        DrawLabels(canvas, data, projection, unit);
        canvas.Restore();
        using (var border = MapStyle.Stroke(MapStyle.Ink, Math.Max(1, unit * 0.12f)))
        {
            canvas.DrawRect(frame, border);
        }
        MapLegend.DrawLegend(canvas, text, frame, unit, data.SizeLimit);
        MapLegend.DrawScaleBar(canvas, text, projection, unit);
        MapLegend.DrawNorthArrow(canvas, text, frame, unit);
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

    /// <summary>Street/town names first, then school names by size; a label that would overlap another is left out.</summary>
    private void DrawLabels(SKCanvas canvas, MapData data, MapProjection projection, float unit)
    {
        var placed = new List<SKRect>();
        var adminSize = Math.Max(11, unit * 1.7f);
        foreach (var area in data.AdminAreas)
        {
            var centre = area.Area.InteriorPoint;
            var p = projection.Project(centre.X, centre.Y);
            TryPlace(canvas, placed, area.Name, p.X, p.Y, adminSize, MapStyle.MutedInk, SKTextAlign.Center, projection.Frame);
        }
        var schoolSize = Math.Max(9, unit * 1.15f);
        foreach (var school in data.Schools.OrderByDescending(s => s.Status == SchoolStatus.OverLimits).ThenByDescending(s => s.Students))
        {
            var p = projection.Project(school.Lon, school.Lat);
            var r = MapStyle.SymbolRadius(school.Students, data.SizeLimit, unit);
            TryPlace(canvas, placed, school.Name, p.X + r + 2, p.Y + (schoolSize * 0.35f), schoolSize, MapStyle.Ink, SKTextAlign.Left,
                projection.Frame);
        }
    }

    private void TryPlace(SKCanvas canvas, List<SKRect> placed, string label, float x, float y, float size, SKColor colour,
        SKTextAlign align, SKRect frame)
    {
        var width = text.Width(label, size);
        var left = align == SKTextAlign.Center ? x - (width / 2) : x;
        var box = new SKRect(left - 1, y - size, left + width + 1, y + (size * 0.3f));
        if (!frame.Contains(box) || placed.Any(b => b.IntersectsWith(box)))
        {
            return;
        }
        placed.Add(box);
        text.Draw(canvas, label, x, y, size, colour, align, halo: true);
    }

    /// <summary>The district's envelope with a small margin (the whole-district view).</summary>
    public static Envelope Padded(Envelope envelope, double share = 0.03)
    {
        var padded = envelope.Copy();
        padded.ExpandBy(envelope.Width * share, envelope.Height * share);
        return padded;
    }
}
