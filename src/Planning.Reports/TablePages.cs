using SkiaSharp;

namespace Planning.Reports;

/// <summary>Lays a table out over as many pages as it needs, its header repeated on each.</summary>
public sealed class TablePages(MapText text)
{
    public const float FontSize = 8f;
    public const float Row = 13.5f;
    private const float TitleSize = 13;

    /// <summary>Rows that fit one page's <paramref name="content"/> under the title and header, leaving room for a note.</summary>
    public static int RowsPerPage(SKRect content) => Math.Max(1, (int)((content.Height - TitleSize - (Row * 6)) / Row));

    public IReadOnlyList<ReportPage> Paginate(ReportTable table, SKRect content)
    {
        var perPage = RowsPerPage(content);
        var pages = Math.Max(1, (table.Rows.Count + perPage - 1) / perPage);
        var widths = ColumnWidths(table, content.Width);
        return [.. Enumerable.Range(0, pages).Select(i =>
        {
            var title = pages > 1 ? $"{table.Title} ({i + 1}/{pages})" : table.Title;
            var note = i == pages - 1 ? table.Note : null;
            return new ReportPage(table.Title, (canvas, area) => Draw(canvas, area, title, table, widths, i * perPage, perPage, note), Listed: i == 0);
        })];
    }

    /// <summary>The height <see cref="Draw"/> takes for the whole table with its note, <paramref name="width"/> wide.</summary>
    public float Height(ReportTable table, float width) =>
        TitleSize + (Row * 1.8f) + (Row * (table.Rows.Count - (table.Header.Count > 0 ? 0 : 1)))
        + (table.Note is null ? 0 : (Row * 1.5f) + (Row * Lines(table.Note, FontSize + 1, width).Count));

    /// <summary>Draws the title at <paramref name="area"/>'s top, then the rows from <paramref name="first"/>; returns the y below the last line.</summary>
    public float Draw(SKCanvas canvas, SKRect area, string title, ReportTable table, float[] widths, int first, int count, string? note)
    {
        var y = area.Top + TitleSize;
        text.Draw(canvas, text.Fit(title, TitleSize, area.Width), area.Left, y, TitleSize, MapStyle.Ink);
        y += Row * 1.8f;
        var right = area.Left + widths.Sum();
        if (table.Header.Count > 0)
        {
            DrawRow(canvas, table, table.Header, -1, widths, area.Left, y, header: true);
            using var rule = MapStyle.Stroke(MapStyle.Ink, 0.8f);
            canvas.DrawLine(area.Left, y + 4, right, y + 4, rule);
        }
        else
        {
            y -= Row;
        }
        using var stripe = MapStyle.Fill(SKColor.Parse("#f2f4f6"));
        var rows = table.Rows.Skip(first).Take(count).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            y += Row;
            if (i % 2 == 1)
            {
                canvas.DrawRect(new SKRect(area.Left, y - Row + 4, right, y + 4), stripe);
            }
            DrawRow(canvas, table, rows[i], first + i, widths, area.Left, y, header: false);
        }
        if (note is not null)
        {
            y += Row * 1.5f;
            foreach (var line in Lines(note, FontSize + 1, area.Width))
            {
                text.Draw(canvas, line, area.Left, y, FontSize + 1, MapStyle.MutedInk);
                y += Row;
            }
        }
        return y;
    }

    /// <summary>Columns as wide as their widest cell, scaled down to fit <paramref name="available"/>.</summary>
    public float[] ColumnWidths(ReportTable table, float available)
    {
        var columns = table.Rows.Select(r => r.Count).Append(table.Header.Count).Max();
        var widths = Enumerable.Range(0, columns).Select(c => table.Rows.Select(r => c < r.Count ? text.Width(r[c], FontSize) : 0)
            .Append(c < table.Header.Count ? text.Width(table.Header[c], FontSize) : 0).Max() + 10).ToArray();
        var total = widths.Sum();
        return total <= available ? widths : [.. widths.Select(w => w * available / total)];
    }

    /// <summary>A paragraph broken into lines that fit <paramref name="width"/>: at a space in Latin text, anywhere in Chinese.</summary>
    public IReadOnlyList<string> Lines(string paragraph, float size, float width)
    {
        var lines = new List<string>();
        var rest = paragraph.Trim();
        while (rest.Length > 0)
        {
            var take = rest.Length;
            while (take > 1 && text.Width(rest[..take], size) > width)
            {
                take--;
            }
            if (take < rest.Length && char.IsHighSurrogate(rest[take - 1]))
            {
                take--;
            }
            var space = rest.LastIndexOf(' ', take - 1);
            if (take < rest.Length && rest[take] != ' ' && rest[take - 1] < 0x2E80 && space > 0)
            {
                take = space;
            }
            lines.Add(rest[..take].TrimEnd());
            rest = rest[take..].TrimStart();
        }
        return lines;
    }

    private void DrawRow(SKCanvas canvas, ReportTable table, IReadOnlyList<string> cells, int row, float[] widths, float left, float y, bool header)
    {
        var x = left;
        for (var c = 0; c < cells.Count && c < widths.Length; c++)
        {
            var cell = text.Fit(cells[c], FontSize, widths[c] - 8);
            var flagged = table.Flagged?.Contains((row, c)) == true;
            var colour = flagged ? MapStyle.StatusColour(SchoolStatus.OverLimits) : header ? MapStyle.Ink : MapStyle.MutedInk;
            if (table.Numeric?.Contains(c) == true)
            {
                text.Draw(canvas, cell, x + widths[c] - 6, y, FontSize, colour, SKTextAlign.Right);
            }
            else
            {
                text.Draw(canvas, cell, x, y, FontSize, colour);
            }
            x += widths[c];
        }
    }
}
