using SkiaSharp;

namespace Planning.Reports;

/// <summary>One page of the report: its title in the contents (when <paramref name="Listed"/>) and how to draw its content.</summary>
public sealed record ReportPage(string Title, Action<SKCanvas, SKRect> Draw, bool Listed = true);

/// <summary>
/// The printed report, every page A4 landscape: a cover (title, issuing office and date, key figures, the
/// synthetic-data notice, contents), the map of the part asked for and of the other part, the before/after
/// page when there is a second run, the per-grade tables, the violations, the assessment by the standard's
/// Chinese indicator names, the scenario's additions (新增配置) when it has any, and the sources. Every page but the cover has a running header; every page a
/// footer with its number.
/// </summary>
public sealed class ReportDocument(MapText text)
{
    public const float PageWidth = 842;
    public const float PageHeight = 595;
    public const float Margin = 30;
    private const float HeaderSize = 8;

    /// <summary>The part of a page between the running header and the footer.</summary>
    public static readonly SKRect Content = new(Margin, Margin + 14, PageWidth - Margin, PageHeight - Margin - 6);

    /// <summary>The pages after the cover.</summary>
    public IReadOnlyList<ReportPage> Pages(ReportData data, SchoolPart part, ReportView view)
    {
        var other = part == SchoolPart.Junior ? SchoolPart.Primary : SchoolPart.Junior;
        var maps = new MapRenderer(text);
        var tables = new TablePages(text);
        var pages = new List<ReportPage>
        {
            MapPage(maps, data, part, view),
            MapPage(maps, data, other, view),
        };
        if (data.Before is not null)
        {
            pages.Add(new ReportPage($"前后对比 Before and after ({ReportText.PartZh(part)})", (c, a) => new ComparisonPage(text).Draw(c, a, data, part, view)));
        }
        foreach (var p in new[] { SchoolPart.Primary, SchoolPart.Junior })
        {
            pages.AddRange(tables.Paginate(ReportTables.Grades(data, data.Scene, p), Content));
        }
        pages.AddRange(tables.Paginate(ReportTables.Violations(data, data.Scene), Content));
        pages.Add(new ReportPage("国家标准评估 The national standard", (c, a) => new StandardPage(text).Draw(c, a, data)));
        pages.AddRange(AdditionsPages(tables, [.. ReportAdditionTables.Tables(data)]));
        pages.Add(new ReportPage("数据来源与说明 Sources and notes", (c, a) => new SourcesPage(text).Draw(c, a, data)));
        return pages;
    }

    /// <summary>Writes the whole report as a PDF; returns its page count.</summary>
    public int WritePdf(ReportData data, SchoolPart part, ReportView view, Stream output)
    {
        var pages = Pages(data, part, view);
        var total = pages.Count + 1;
        var issued = data.Header.Issued.ToDateTime(TimeOnly.MinValue);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = CoverPage.Title(data),
            Subject = $"{data.Scene.Description} · {data.Scene.Term}",
            Author = data.Header.IssuingOffice,
            Creator = "Planning",
            Producer = "SkiaSharp",
            Creation = issued,
            Modified = issued,
            RasterDpi = 300,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        var cover = document.BeginPage(PageWidth, PageHeight);
        new CoverPage(text).Draw(cover, data, pages);
        Footer(cover, data, 1, total);
        document.EndPage();
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            canvas.Clear(SKColors.White);
            Header(canvas, data);
            pages[i].Draw(canvas, Content);
            Footer(canvas, data, i + 2, total);
            document.EndPage();
        }
        document.Close();
        return total;
    }

    /// <summary>The running header: what the report is about on the left, the issuing office on the right, both within the margins.</summary>
    public (SKRect Left, SKRect Right) Header(SKCanvas canvas, ReportData data)
    {
        var y = Margin;
        var office = text.Fit(data.Header.IssuingOffice, HeaderSize, Content.Width / 3);
        var officeWidth = text.Width(office, HeaderSize);
        text.Draw(canvas, office, Content.Right, y, HeaderSize, MapStyle.MutedInk, SKTextAlign.Right);
        var available = Content.Width - officeWidth - 16;
        var heading = $"{CoverPage.Title(data)} · {data.Scene.Description} · {data.Scene.Term}";
        var size = text.FitSize(heading, HeaderSize, available, 6.5f);
        heading = text.Fit(heading, size, available);
        text.Draw(canvas, heading, Content.Left, y, size, MapStyle.MutedInk);
        using (var rule = MapStyle.Stroke(MapStyle.AdminLine, 0.5f))
        {
            canvas.DrawLine(Content.Left, y + 4, Content.Right, y + 4, rule);
        }
        return (text.Bounds(heading, Content.Left, y, size), text.Bounds(office, Content.Right, y, HeaderSize, SKTextAlign.Right));
    }

    private void Footer(SKCanvas canvas, ReportData data, int page, int pages)
    {
        var y = PageHeight - Margin + 10;
        text.Draw(canvas, $"{data.Header.IssuingOffice} · {ReportText.ChineseDate(data.Header.Issued)}", Content.Left, y, HeaderSize, MapStyle.MutedInk);
        if (data.Header.Synthetic)
        {
            text.Draw(canvas, "示范数据 synthetic demo data", (Content.Left + Content.Right) / 2, y, HeaderSize,
                MapStyle.StatusColour(SchoolStatus.OverLimits), SKTextAlign.Center);
        }
        text.Draw(canvas, ReportText.PageOf(page, pages), Content.Right, y, HeaderSize, MapStyle.MutedInk, SKTextAlign.Right);
    }

    /// <summary>The additions' tables one under another on one page when they fit it, else each over its own pages; none without additions.</summary>
    private static IEnumerable<ReportPage> AdditionsPages(TablePages tables, IReadOnlyList<ReportTable> additions)
    {
        const float Gap = 12;
        if (additions.Count == 0)
        {
            return [];
        }
        if (additions.Sum(t => tables.Height(t, Content.Width) + Gap) > Content.Height)
        {
            return additions.SelectMany(t => tables.Paginate(t, Content));
        }
        return [new ReportPage("新增配置 Additions", (canvas, area) =>
        {
            var top = area.Top;
            foreach (var t in additions)
            {
                top = tables.Draw(canvas, new SKRect(area.Left, top, area.Right, area.Bottom), t.Title, t, tables.ColumnWidths(t, area.Width), 0, t.Rows.Count, t.Note) + Gap;
            }
        })];
    }

    private static ReportPage MapPage(MapRenderer maps, ReportData data, SchoolPart part, ReportView view) => new(
        $"{ReportText.PartZh(part)}学区图 {ReportText.PartEn(part, data.Rules)} catchments",
        (canvas, area) => maps.Draw(canvas, ReportMaps.Map(data, data.Scene, part, view), area));
}
