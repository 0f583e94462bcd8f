using System.Globalization;

namespace Planning.Reports;

/// <summary>The report's own wording, in Chinese with English, in one place.</summary>
public static class ReportText
{
    public const string SyntheticShort = "示范数据：学校、小区、村及学生均为合成数据，并非真实学校与地点 · Synthetic demo data: not real schools or places";

    public const string SyntheticLong =
        "本报告所用数据集声明其部分内容为合成数据（示范用）：学校、小区、村、学生及资源数字并非真实学校与地点的数据，不可作为决策依据。"
        + " The dataset declares itself partly synthetic: its schools, compounds, villages, pupils and resources are generated "
        + "demo figures, not data about real schools or places. Do not base decisions on them.";

    public const string Issuer = "编制单位 Issued by";

    /// <summary>The office a report is issued by when the caller names none: the district's education bureau.</summary>
    public static string DefaultOffice(string districtName) => $"{districtName}教育局";
    public const string Date = "日期 Date";

    public static string PartZh(SchoolPart part) => part == SchoolPart.Junior ? "初中" : "小学";

    /// <summary>"primary (grades 1–6)", with the grades of the server's band.</summary>
    public static string PartEn(SchoolPart part, ReportRules rules)
    {
        var band = rules.Band(part);
        return $"{(part == SchoolPart.Junior ? "junior" : "primary")} (grades {band.FirstGrade}–{band.LastGrade})";
    }

    public static string Status(SchoolStatus status) => status switch
    {
        SchoolStatus.OverLimits => "超限 over limits",
        SchoolStatus.New => "新建 new",
        SchoolStatus.Expanded => "扩建 expanded",
        _ => "未超限 within limits",
    };

    public static string Violation(ViolationKind kind) => kind switch
    {
        ViolationKind.SchoolSize => "规模 school size",
        ViolationKind.ClassSize => "班额 class size",
        _ => "学位不足 seats short",
    };

    /// <summary>A date as the bureau writes it: 2026年12月4日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Page n of N.</summary>
    public static string PageOf(int page, int pages) => $"第 {page} 页 / 共 {pages} 页 · page {page} of {pages}";

    /// <summary>Fixed labels whose glyphs the font must have.</summary>
    public static IEnumerable<string> Fixed =>
    [
        SyntheticShort, SyntheticLong, Issuer, Date, "第页共", "小学初中学区图", "城区放大", "新增配置合计项目数量单位起始学期九年一贯制共用", .. MapLegend.Texts(2000),
        .. Enum.GetValues<SchoolStatus>().Select(Status), .. Enum.GetValues<ViolationKind>().Select(Violation),
    ];
}
