using SkiaSharp;

namespace Planning.Reports;

/// <summary>The national standard: the verdict, each indicator's difference coefficient by its Chinese name, and the norms.</summary>
public sealed class StandardPage(MapText text)
{
    public void Draw(SKCanvas canvas, SKRect area, ReportData data)
    {
        var tables = new TablePages(text);
        var verdict = data.Assessment is { } a
            ? $"国家标准评估 The national standard ({data.Rules.Standard}), {data.Scene.Term}: {(a.Passes ? "达标 passes" : "未达标 does not pass")}"
            : $"国家标准评估 The national standard ({data.Rules.Standard}), {data.Scene.Term}: 未评估 not assessed";
        var coefficients = ReportTables.Coefficients(data);
        var y = tables.Draw(canvas, area, verdict, coefficients, tables.ColumnWidths(coefficients, area.Width), 0,
            coefficients.Rows.Count, coefficients.Note);
        var norms = ReportTables.Norms(data.Rules);
        tables.Draw(canvas, new SKRect(area.Left, y + 12, area.Right, area.Bottom), norms.Title, norms,
            tables.ColumnWidths(norms, area.Width), 0, norms.Rows.Count, norms.Note);
    }
}
