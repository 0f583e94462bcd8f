using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Planning.Reports;
using Planning.Server.Tests.Infrastructure;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>
/// The PDF report `planning map --run … --compare … --out report.pdf` draws, read back with pdftotext as a
/// reader of the file would, and checked against the server's own figures (GetRules, GetTermResult,
/// CompareRuns, AssessDistrict, GetDistrict) and the rules of DOMAIN.md they carry.
/// </summary>
[Collection(ReportFixture.Name)]
public sealed partial class ReportPdfTests(ReportFixture fixture)
{
    private const double Margin = ReportDocument.Margin;

    [Fact]
    public void TextLayer_CommonChinese_ReadsAsWrittenWithoutRadicals()
    {
        var text = fixture.Text;

        // 小 U+5C0F, not ⼩ U+2F29: search and copy find the words.
        foreach (var word in new[] { "小学", "初中", "宝坻区", "学区图", "中心小学", "大口屯镇", "方家庄镇", "教育局", "义务教育" })
        {
            Assert.Contains(word, text);
        }
        var radicals = text.Where(c => c is >= '\u2E80' and <= '\u2FDF').Distinct().ToList();
        Assert.True(radicals.Count == 0, $"radical look-alikes in the text layer: {string.Concat(radicals)}");
        Assert.Contains("grades 1–6", text); // an en dash, not the figure dash ‒ its glyph also maps to
        Assert.DoesNotContain('\u2012', text);
        var names = fixture.Result.Schools.Where(s => s.Open).Select(s => s.SchoolName).ToList();
        Assert.All(names, name => Assert.Contains(name, text));
    }

    [Fact]
    public async Task Pages_OneSizeNumberedAndEveryWordWithinTheMargins()
    {
        var sizes = await Pdf.PageSizesAsync(fixture.PdfPath);
        var pages = fixture.Map.Json().RootElement.GetProperty("file").GetProperty("pages").GetInt32();

        Assert.Equal(pages, sizes.Count);
        Assert.Equal(pages, fixture.Pages.Count);
        // One page size: A4 landscape, 842 × 595 points.
        Assert.All(sizes, s => Assert.Equal((842, 595), ((int)Math.Round(s.Width), (int)Math.Round(s.Height))));
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"第 {page} 页 / 共 {pages} 页", fixture.Pages[page - 1]);
        }
        // Nothing is cut off: the running header, titles, labels and tables all lie inside the margins.
        var words = await Pdf.WordsAsync(fixture.PdfPath);
        Assert.True(words.Count > 2000, $"{words.Count} words");
        var outside = words.Where(w => w.XMin < Margin - 1 || w.XMax > w.PageWidth - Margin + 1 || w.YMin < 0 || w.YMax > w.PageHeight).ToList();
        Assert.True(outside.Count == 0, "outside the margins: " + string.Join("; ", outside.Take(5)));
        var headers = words.Where(w => w.Page > 1 && w.YMax < Margin + 8).ToList(); // the line above the rule at 34 pt
        Assert.Contains(headers, w => w.Text.Contains("宝坻区义务教育学校学区与达标报告", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(2, pages - 1), p => Assert.Contains(headers, w => w.Page == p && w.Text == "宝坻区教育局"));
    }

    [Fact]
    public void Cover_TitleOfficeDateSyntheticNoticeAndCredits()
    {
        var cover = fixture.Pages[0];
        var district = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.DataGeo, "district.geojson")))!["features"]![0]!["properties"]!;

        Assert.Contains("宝坻区义务教育学校学区与达标报告", cover);
        Assert.Contains("编制单位 Issued by", cover);
        Assert.Contains("宝坻区教育局", cover);
        Assert.Contains(fixture.Dates, d => cover.Contains(ReportText.ChineseDate(d), StringComparison.Ordinal));
        // data/geo says it is synthetic (GetDistrict passes it on): the cover and every page say so.
        Assert.True((bool)district["synthetic"]!);
        Assert.True(fixture.District.Synthetic);
        Assert.Contains("合成数据", cover);
        Assert.All(fixture.Pages, page => Assert.Contains("示范数据 synthetic demo data", page));
        Assert.Contains(fixture.Assessment.Passes ? "达标 passes" : "未达标 does not pass", cover);
        // Every credit line of the dataset on the sources page; OpenStreetMap and GeoNames on every map page.
        var credits = district["credits"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(credits, fixture.District.Credits);
        Assert.All(credits, c => Assert.Contains(c, Flat(fixture.Pages[^1])));
        // The engine build that computed the run (issue 17).
        Assert.NotEmpty(fixture.After.Solver);
        Assert.Contains($"computed by {fixture.After.Solver}.", Flat(fixture.Pages[^1]));
        foreach (var map in fixture.Pages.Skip(1).Where(p => p.Contains("学区图", StringComparison.Ordinal)))
        {
            Assert.Contains("OpenStreetMap", Flat(map));
            Assert.Contains("GeoNames", Flat(map));
        }
    }

    [Fact]
    public void Maps_BothPartsWithTheUrbanInset()
    {
        var primary = Page("宝坻区小学学区图");
        var junior = Page("宝坻区初中学区图");

        Assert.NotEqual(primary, junior);
        Assert.Contains("城区放大 urban streets (inset)", primary);
        Assert.Contains("城区放大 urban streets (inset)", junior);
        // The inset labels the crowded urban streets: every street's name is on the map.
        Assert.Contains("宝平街道", primary);
        Assert.Contains("海滨街道", primary);
        var term = fixture.Result.Term;
        Assert.Contains(term, primary);
    }

    [Fact]
    public void GradeTables_EverySchoolsPupilsByGradeAsTheRunHasThem()
    {
        var lines = fixture.Text.Split('\n');
        var checkedRows = 0;
        foreach (var band in fixture.Rules.GradeBands)
        {
            var teaching = fixture.Result.Schools.Where(s => s.Open && Teaches(s.Level, band.Part)).ToList();
            Assert.NotEmpty(teaching);
            foreach (var school in teaching)
            {
                var tracks = band.Part == V1.SchoolPart.Junior ? school.JuniorTracks : school.PrimaryTracks;
                var grades = Enumerable.Range(band.FirstGrade, band.LastGrade - band.FirstGrade + 1).Select(g => school.Enrolment[g - 1]);
                var total = grades.Sum();
                var row = new Regex(
                    $@"^\s*{Regex.Escape(school.SchoolCode)}\s+{Regex.Escape(school.SchoolName)}\s+.+?\s+{tracks}\s+{N(tracks * band.ClassLimit)}\s+"
                    + string.Join(@"\s+", grades.Select(N)) + $@"\s+{N(total)}\s+{N(school.SizeLimit)}\s*$");
                Assert.True(lines.Any(row.IsMatch), $"no row {row} for grades {band.FirstGrade}–{band.LastGrade}");
                checkedRows++;
            }
        }
        // Every open school once, nine-year schools twice (a row per part).
        Assert.Equal(fixture.Result.Schools.Count(s => s.Open) + fixture.Result.Schools.Count(s => s.Open && s.Level == V1.SchoolLevel.NineYear), checkedRows);
    }

    [Fact]
    public void Violations_TheTermsViolationsOrTheLimitsTheyKeep()
    {
        var page = Page("超限 Violations of the size and class limits");
        var violations = fixture.Result.Violations;
        if (violations.Count == 0)
        {
            var classLimits = string.Join(" / ", fixture.Rules.GradeBands.Select(b => b.ClassLimit)); // 45 / 50 (DOMAIN.md)
            Assert.Contains($"No violations: every school within {N(fixture.Rules.SchoolSizeLimit)} ({N(fixture.Rules.NineYearSizeLimit)} nine-year) "
                + $"students and {classLimits} per class.", Flat(page));
        }
        else
        {
            Assert.Contains($"{violations.Count} violation(s).", fixture.Text);
            Assert.All(violations, v => Assert.Contains(v.SchoolCode, fixture.Text));
        }
    }

    [Fact]
    public void Standard_EachIndicatorByItsChineseNameWithTheServersCoefficientsAndNorms()
    {
        var page = Page("国家标准评估 The national standard");
        var lines = page.Split('\n');

        Assert.Contains(fixture.Assessment.Passes ? "达标 passes" : "未达标 does not pass", page);
        Assert.Equal(7, fixture.Rules.Indicators.Count); // the standard's seven indicators (DOMAIN.md)
        foreach (var indicator in fixture.Rules.Indicators)
        {
            var rows = lines.Where(l => l.TrimStart().StartsWith(indicator.NameZh, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, rows.Count); // the coefficients, then the norms
            var coefficients = fixture.Assessment.Parts.OrderBy(p => p.Part)
                .Select(p => p.Coefficients.Single(c => c.Indicator == indicator.Indicator))
                .Select(c => $@"{c.Value.ToString("0.000", CultureInfo.InvariantCulture)}\s+{c.Ceiling.ToString("0.00", CultureInfo.InvariantCulture)}\s+{(c.Met ? "是 yes" : "否 no")}");
            Assert.Matches(string.Join(@"\s+", coefficients) + @"\s*$", rows[0]);
            Assert.Matches($@"\s{Norm(indicator.PrimaryNorm)}\s+{Norm(indicator.JuniorNorm)}\s*$", rows[1]);
        }
        Assert.Contains($"at least {fixture.Rules.MinimumIndicatorsMet} of the 7 indicators", Flat(page));
        Assert.Contains($"no less than {fixture.Rules.FloorShare * 100:0.#} %", Flat(page));
    }

    [Fact]
    public void BeforeAfter_BothRunsFiguresAndTheirFlows()
    {
        var page = Page("前后对比 Before and after");
        var (a, b) = (fixture.Comparison.A, fixture.Comparison.B);

        Assert.Matches($@"学位不足 students without a seat\s+{N(a.SeatsShort)}\s+{N(b.SeatsShort)}", page);
        Assert.Matches($@"超班额年级 grades over the class limit\s+{N(a.GradesOverClassLimit)}\s+{N(b.GradesOverClassLimit)}", page);
        Assert.Matches($@"超规模学校 schools over their size limit\s+{N(a.SchoolsOverSize)}\s+{N(b.SchoolsOverSize)}", page);
        Assert.Matches($@"在校生 students\s+{N(a.Students)}\s+{N(b.Students)}", page);
        var flows = fixture.Comparison.Flows;
        Assert.Contains($"{N(flows.Sum(f => f.Students))} students in {flows.Count} flows in all.", Flat(page));
        Assert.Equal(2, Regex.Count(page, "学区图"));
    }

    /// <summary>The first page after the cover (and its contents) with a line that starts with <paramref name="marker"/> (a title).</summary>
    private string Page(string marker) =>
        fixture.Pages.Skip(1).FirstOrDefault(p => p.Split('\n').Any(l => l.TrimStart().StartsWith(marker, StringComparison.Ordinal)))
        ?? throw new Xunit.Sdk.XunitException($"no page starts a line with \"{marker}\"");

    private static bool Teaches(V1.SchoolLevel level, V1.SchoolPart part) =>
        level == V1.SchoolLevel.NineYear || (level == V1.SchoolLevel.Primary) == (part == V1.SchoolPart.Primary);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Norm(double value) => Regex.Escape(value.ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>The text with every run of white space (a wrapped line) as one space.</summary>
    private static string Flat(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
