using SkiaSharp;

namespace Planning.Reports;

/// <summary>Before and after: the two runs' maps of one part side by side, their headline figures and the largest flows.</summary>
public sealed class ComparisonPage(MapText text)
{
    private const int TopFlows = 8;

    public void Draw(SKCanvas canvas, SKRect area, ReportData data, SchoolPart part, ReportView view)
    {
        var before = data.Before ?? throw new InvalidOperationException("the before/after page needs a second run");
        var maps = new MapRenderer(text);
        var mapHeight = area.Height * 0.6f;
        var half = (area.Width - 12) / 2;
        var left = new SKRect(area.Left, area.Top, area.Left + half, area.Top + mapHeight);
        var right = new SKRect(area.Right - half, area.Top, area.Right, area.Top + mapHeight);
        maps.Draw(canvas, ReportMaps.Map(data, before, part, view) with { Inset = null }, left, legend: false);
        maps.Draw(canvas, ReportMaps.Map(data, data.Scene, part, view) with { Inset = null }, right, legend: false);

        var tables = new TablePages(text);
        var below = new SKRect(area.Left, area.Top + mapHeight + 6, area.Left + half, area.Bottom);
        var figures = ReportTables.Figures(before, data.Scene);
        tables.Draw(canvas, below, figures.Title, figures, tables.ColumnWidths(figures, half), 0, figures.Rows.Count, figures.Note);
        var flows = ReportTables.Flows(data, TopFlows);
        var besides = new SKRect(area.Right - half, below.Top, area.Right, area.Bottom);
        tables.Draw(canvas, besides, flows.Title, flows, tables.ColumnWidths(flows, half), 0, flows.Rows.Count, flows.Note);
    }
}
