using SkiaSharp;

namespace Planning.Cli.Maps;

/// <summary>Lays the report's tables out on A4 pages (points), breaking long tables over pages.</summary>
public sealed class ReportPages(MapText text)
{
    public const float PageWidth = 595;
    public const float PageHeight = 842;
    private const float Margin = 40;
    private const float Row = 15;
    private const float FontSize = 8.5f;

    /// <summary>One drawing action per page.</summary>
    public IReadOnlyList<Action<SKCanvas>> Paginate(string heading, IReadOnlyList<ReportTable> tables)
    {
        var pages = new List<Action<SKCanvas>>();
        foreach (var table in tables)
        {
            var rowsPerPage = (int)((PageHeight - (2 * Margin) - (Row * 5)) / Row);
            var chunks = table.Rows.Chunk(rowsPerPage).ToList();
            if (chunks.Count == 0)
            {
                chunks.Add([]);
            }
            for (var i = 0; i < chunks.Count; i++)
            {
                var rows = chunks[i];
                var title = chunks.Count > 1 ? $"{table.Title} ({i + 1}/{chunks.Count})" : table.Title;
                var note = i == chunks.Count - 1 ? table.Note : null;
                pages.Add(canvas => DrawPage(canvas, heading, title, table.Header, rows, note));
            }
        }
        return pages;
    }

    private void DrawPage(SKCanvas canvas, string heading, string title, IReadOnlyList<string> header,
        IReadOnlyList<IReadOnlyList<string>> rows, string? note)
    {
        canvas.Clear(SKColors.White);
        text.Draw(canvas, heading, Margin, Margin, 9, MapStyle.MutedInk);
        text.Draw(canvas, title, Margin, Margin + 24, 14, MapStyle.Ink);
        var widths = ColumnWidths(header, rows);
        var y = Margin + 50;
        DrawRow(canvas, header, widths, y, bold: true);
        using (var rule = MapStyle.Stroke(MapStyle.Ink, 0.8f))
        {
            canvas.DrawLine(Margin, y + 4, PageWidth - Margin, y + 4, rule);
        }
        using var stripe = MapStyle.Fill(SKColor.Parse("#f2f4f6"));
        for (var i = 0; i < rows.Count; i++)
        {
            y += Row;
            if (i % 2 == 1)
            {
                canvas.DrawRect(new SKRect(Margin, y - Row + 4, PageWidth - Margin, y + 4), stripe);
            }
            DrawRow(canvas, rows[i], widths, y, bold: false);
        }
        if (note is not null)
        {
            text.Draw(canvas, note, Margin, y + (Row * 2), FontSize + 1, MapStyle.MutedInk);
        }
    }

    private void DrawRow(SKCanvas canvas, IReadOnlyList<string> cells, float[] widths, float y, bool bold)
    {
        var x = Margin;
        for (var c = 0; c < cells.Count && c < widths.Length; c++)
        {
            var cell = Fit(cells[c], widths[c] - 6);
            text.Draw(canvas, cell, x, y, bold ? FontSize + 0.5f : FontSize, bold ? MapStyle.Ink : MapStyle.MutedInk);
            x += widths[c];
        }
    }

    /// <summary>Columns as wide as their widest cell, scaled down to fit the page.</summary>
    private float[] ColumnWidths(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, c) => rows.Select(r => c < r.Count ? text.Width(r[c], FontSize) : 0)
            .Append(text.Width(h, FontSize + 0.5f)).Max() + 8).ToArray();
        var available = PageWidth - (2 * Margin);
        var total = widths.Sum();
        return total <= available ? widths : [.. widths.Select(w => w * available / total)];
    }

    private string Fit(string cell, float width)
    {
        if (text.Width(cell, FontSize) <= width)
        {
            return cell;
        }
        var cut = cell;
        while (cut.Length > 1 && text.Width(cut + "…", FontSize) > width)
        {
            cut = cut[..^1];
        }
        return cut + "…";
    }
}
