using Planning.Reports;
using SkiaSharp;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>Where the additions section goes: one page while its tables fit it, the tables over pages of their own beyond.</summary>
public sealed class ReportAdditionsLayoutTests : IDisposable
{
    private readonly SKTypeface _typeface = MapFonts.Resolve(["宝坻区小学新增配置"]);

    private MapText Text => new(_typeface);

    [Fact]
    public void Pages_FewAdditions_OneAdditionsPageAfterTheStandard()
    {
        var data = SampleReport.Create() with { Additions = Additions(3) };

        var titles = new ReportDocument(Text).Pages(data, V1.SchoolPart.Primary, ReportView.District).Select(p => p.Title).ToList();

        Assert.Equal(["新增配置 Additions"], titles.Where(t => t.StartsWith("新增配置", StringComparison.Ordinal)));
        Assert.Equal(titles.IndexOf("国家标准评估 The national standard") + 1, titles.IndexOf("新增配置 Additions"));
    }

    [Fact]
    public void Pages_MoreAdditionsThanAPageHolds_EachTableOverItsOwnPages()
    {
        var perPage = TablePages.RowsPerPage(ReportDocument.Content);
        var data = SampleReport.Create() with { Additions = Additions(perPage + 1) };

        var pages = new ReportDocument(Text).Pages(data, V1.SchoolPart.Primary, ReportView.District);

        // The primary table takes two pages (the second not listed in the contents), the totals one.
        var additions = pages.Where(p => p.Title.StartsWith("新增配置", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("新增配置 Additions · 小学 primary", true), ("新增配置 Additions · 小学 primary", false), ("新增配置合计 Additions: district totals per resource", true)],
            additions.Select(p => (p.Title, p.Listed)));
    }

    [Fact]
    public void Pages_NoAdditions_NoAdditionsPage()
    {
        var pages = new ReportDocument(Text).Pages(SampleReport.Create(), V1.SchoolPart.Primary, ReportView.District);

        Assert.DoesNotContain(pages, p => p.Title.Contains("新增配置", StringComparison.Ordinal));
    }

    /// <summary><paramref name="count"/> primary schools given 100 m² of floor area each.</summary>
    private static IReadOnlyList<ReportAddition> Additions(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new ReportAddition($"BD-P-{i:000}", $"第{i}小学", V1.SchoolPart.Primary, V1.Indicator.FloorArea, 100, "2021-autumn"))];

    public void Dispose() => _typeface.Dispose();
}
