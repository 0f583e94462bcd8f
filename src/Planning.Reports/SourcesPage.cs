using SkiaSharp;

namespace Planning.Reports;

/// <summary>Where the data comes from, whether it is synthetic, the rules applied and how the figures are made.</summary>
public sealed class SourcesPage(MapText text)
{
    private const float Size = 9.5f;

    public void Draw(SKCanvas canvas, SKRect area, ReportData data)
    {
        var tables = new TablePages(text);
        var y = area.Top + 13;
        text.Draw(canvas, "数据来源与说明 Sources and notes", area.Left, y, 13, MapStyle.Ink);
        y += 10;
        var rules = data.Rules;
        var run = data.Scene.Run;
        var sections = new List<(string Heading, IReadOnlyList<string> Lines)>
        {
            ("数据来源 Sources and credits", data.Header.Credits.Count > 0 ? data.Header.Credits : ["The dataset names no sources."]),
            ("合成数据 Synthetic data", [data.Header.Synthetic ? ReportText.SyntheticLong : "The dataset does not declare itself synthetic."]),
            ("规则 Rules in force (GetRules)",
            [
                $"Standard {rules.Standard}: schools of at most {ReportText.Number(rules.SchoolSizeLimit)} students, nine-year schools at most "
                + $"{ReportText.Number(rules.NineYearSizeLimit)}; classes of at most "
                + string.Join(", ", rules.Bands.Select(b => $"{b.ClassLimit} in grades {b.FirstGrade}–{b.LastGrade}")) + ".",
                $"Each school part meets at least {rules.MinimumIndicatorsMet} of the {rules.Indicators.Count} indicators, the others at "
                + $"≥ {rules.FloorShare * 100:0.#} % of their norm; inter-school difference coefficients at most "
                + string.Join(" / ", rules.Bands.Select(b => $"{b.CoefficientCeiling:0.00} ({ReportText.PartZh(b.Part)})")) + ".",
            ]),
            ("方法 How the figures are made",
            [
                run is null
                    ? "Maps show each area's current school and the base-term enrolment; there is no simulation run."
                    : $"Figures are those the server stored for run {run.Id} ({run.Label}) in {data.Scene.Term}"
                      + (run.Solver.Length > 0 ? $", computed by {run.Solver}." : "."),
                "A catchment is the set of compounds and villages whose pupils of the part mostly go to the school. Distances are straight lines "
                + "(no roads or barriers). Difference coefficients are weighted by enrolment (S / X̄).",
            ]),
            ("编制 Issued", [$"{data.Header.IssuingOffice}, {ReportText.ChineseDate(data.Header.Issued)}. Drawn by Planning."]),
        };
        foreach (var (heading, lines) in sections)
        {
            y += Size * 2.2f;
            text.Draw(canvas, heading, area.Left, y, Size + 1, MapStyle.Ink);
            foreach (var line in lines.SelectMany(l => tables.Lines(l, Size, area.Width - 14)))
            {
                y += Size * 1.55f;
                text.Draw(canvas, line, area.Left + 14, y, Size, MapStyle.MutedInk);
            }
        }
    }
}
