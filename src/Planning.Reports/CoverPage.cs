using System.Globalization;
using SkiaSharp;

namespace Planning.Reports;

/// <summary>The cover: title, what was run, who issues the report and when, key figures, the synthetic-data notice and the contents.</summary>
public sealed class CoverPage(MapText text)
{
    public static string Title(ReportData data) => $"{data.Header.DistrictName}义务教育学校学区与达标报告";

    public void Draw(SKCanvas canvas, ReportData data, IReadOnlyList<ReportPage> pages)
    {
        canvas.Clear(SKColors.White);
        var area = ReportDocument.Content;
        var tables = new TablePages(text);
        var y = area.Top + 30;
        var title = Title(data);
        var titleSize = text.FitSize(title, 24, area.Width, 12);
        text.Draw(canvas, title, area.Left, y, titleSize, MapStyle.Ink);
        y += 22;
        text.Draw(canvas, text.Fit($"{data.Header.DistrictName}: school catchments and the national standard for compulsory education", 12, area.Width),
            area.Left, y, 12, MapStyle.MutedInk);
        using (var rule = MapStyle.Stroke(MapStyle.Ink, 1))
        {
            canvas.DrawLine(area.Left, y + 10, area.Right, y + 10, rule);
        }
        y += 36;

        var half = (area.Width / 2) - 12;
        var about = new ReportTable("", [], [
            ["方案 Scenario / run", data.Scene.Description],
            ["学期 Term", data.Scene.Term],
            [ReportText.Issuer, data.Header.IssuingOffice],
            [ReportText.Date, $"{ReportText.ChineseDate(data.Header.Issued)} ({data.Header.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"],
            ["标准 Standard", data.Rules.Standard],
            .. data.Before is null ? Array.Empty<IReadOnlyList<string>>() : [["对比 Compared with", data.Before.Description]],
        ]);
        tables.Draw(canvas, new SKRect(area.Left, y - 30, area.Left + half, area.Bottom), "", about,
            tables.ColumnWidths(about, half), 0, about.Rows.Count, null);
        var figures = KeyFigures(data);
        tables.Draw(canvas, new SKRect(area.Left + half + 24, y - 30, area.Right, area.Bottom), "", figures,
            tables.ColumnWidths(figures, half), 0, figures.Rows.Count, null);

        y += (Math.Max(about.Rows.Count, figures.Rows.Count) * TablePages.Row) + 6;
        if (data.Header.Synthetic)
        {
            y = Notice(canvas, tables, new SKRect(area.Left, y, area.Right, area.Bottom)) + 14;
        }

        var contents = new ReportTable("目录 Contents", [], [.. pages
            .Select((p, i) => (Page: p, Number: i + 2))
            .Where(p => p.Page.Listed)
            .Select(p => (IReadOnlyList<string>)[p.Page.Title, $"{p.Number}"])], Numeric: new HashSet<int> { 1 });
        tables.Draw(canvas, new SKRect(area.Left, y, area.Left + half, area.Bottom), contents.Title, contents,
            tables.ColumnWidths(contents, half), 0, contents.Rows.Count, null);
    }

    /// <summary>The term's headline figures and the verdict, from the run's own figures.</summary>
    private static ReportTable KeyFigures(ReportData data)
    {
        var scene = data.Scene;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var part in new[] { SchoolPart.Primary, SchoolPart.Junior })
        {
            var schools = ReportMaps.Schools(scene, part, data.Rules);
            rows.Add([$"{ReportText.PartZh(part)} {ReportText.PartEn(part, data.Rules)}",
                $"{schools.Count} schools, {ReportText.Number(schools.Sum(s => s.Students))} students"]);
        }
        if (scene.Figures is { } f)
        {
            rows.Add([$"超规模学校 over {ReportText.Number(data.Rules.SchoolSizeLimit)} ({ReportText.Number(data.Rules.NineYearSizeLimit)} nine-year)",
                ReportText.Number(f.SchoolsOverSize)]);
            rows.Add([$"超班额年级 grades over {string.Join(" / ", data.Rules.Bands.Select(b => b.ClassLimit))} per class",
                ReportText.Number(f.GradesOverClassLimit)]);
            rows.Add(["学位不足 students without a seat", ReportText.Number(f.SeatsShort)]);
        }
        else
        {
            rows.Add(["超限 violations", ReportText.Number(scene.Violations.Count)]);
        }
        rows.Add(["国家标准 national standard", data.Assessment is { } a ? a.Passes ? "达标 passes" : "未达标 does not pass" : "未评估 not assessed"]);
        return new ReportTable("", [], rows);
    }

    private float Notice(SKCanvas canvas, TablePages tables, SKRect area)
    {
        var lines = tables.Lines(ReportText.SyntheticLong, 10, area.Width - 24);
        var box = new SKRect(area.Left, area.Top, area.Right, area.Top + 16 + (lines.Count * 14));
        var red = MapStyle.StatusColour(SchoolStatus.OverLimits);
        using (var fill = MapStyle.Fill(red.WithAlpha(20)))
        using (var border = MapStyle.Stroke(red, 1.2f))
        {
            canvas.DrawRect(box, fill);
            canvas.DrawRect(box, border);
        }
        var y = box.Top + 18;
        foreach (var line in lines)
        {
            text.Draw(canvas, line, box.Left + 12, y, 10, MapStyle.Ink);
            y += 14;
        }
        return box.Bottom;
    }
}
