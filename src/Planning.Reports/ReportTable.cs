namespace Planning.Reports;

/// <summary>A table of the printed report.</summary>
/// <param name="Numeric">Columns whose cells are right-aligned numbers.</param>
/// <param name="Flagged">Cells (row, column) drawn in the over-limits colour.</param>
/// <param name="Note">Shown under the rows, or instead of them when there are none (e.g. why the assessment is missing).</param>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Note = null,
    IReadOnlySet<int>? Numeric = null,
    IReadOnlySet<(int Row, int Column)>? Flagged = null);
