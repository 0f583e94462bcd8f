using System.Globalization;

namespace Planning.Reports;

/// <summary>
/// One amount of a scenario's AddResources change (新增配置): what a school part gets from a term on, as an
/// increment of one indicator's resource (teachers, m², yuan, rooms).
/// </summary>
/// <param name="Part">Primary, junior, or shared (a nine-year school's resources of both parts).</param>
public sealed record ReportAddition(string SchoolCode, string SchoolName, SchoolPart Part, Indicator Indicator, double Amount, string FromTerm)
{
    /// <summary>The non-zero amounts of one AddResources change, one addition each, in the standard's indicator order.</summary>
    public static IEnumerable<ReportAddition> Of(string schoolCode, string schoolName, V1.Resources added) =>
        V1.Resources.Indicators.Where(k => added.Amount(k) != 0)
            .Select(k => new ReportAddition(schoolCode, schoolName, added.Part, k, added.Amount(k), added.FromTerm));
}

/// <summary>The report's additions section: a table per school part kind, and the district totals per resource.</summary>
public static class ReportAdditionTables
{
    /// <summary>The parts in the order the section lists them.</summary>
    private static readonly SchoolPart[] Parts = [SchoolPart.Primary, SchoolPart.Junior, SchoolPart.Shared];

    public static string PartName(SchoolPart part) => part switch
    {
        SchoolPart.Primary => "小学 primary",
        SchoolPart.Junior => "初中 junior",
        _ => "九年一贯制共用 shared by both parts",
    };

    public static string Amount(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>The tables, none when the run's scenario adds nothing.</summary>
    public static IEnumerable<ReportTable> Tables(ReportData data)
    {
        var additions = data.Additions ?? [];
        if (additions.Count == 0)
        {
            yield break;
        }
        foreach (var part in Parts.Where(p => additions.Any(a => a.Part == p)))
        {
            yield return PartTable(data, [.. additions.Where(a => a.Part == part)], part);
        }
        yield return Totals(data, additions);
    }

    private static ReportTable PartTable(ReportData data, IReadOnlyList<ReportAddition> additions, SchoolPart part)
    {
        var rows = additions
            .OrderBy(a => a.SchoolCode, StringComparer.Ordinal).ThenBy(a => a.FromTerm, StringComparer.Ordinal).ThenBy(a => a.Indicator)
            .Select(a =>
            {
                var rule = data.Rules.Indicator(a.Indicator);
                return (IReadOnlyList<string>)[a.SchoolCode, a.SchoolName, rule.NameZh, Amount(a.Amount), rule.AmountUnit, a.FromTerm];
            });
        return new ReportTable(
            $"新增配置 Additions · {PartName(part)}",
            ["代码 code", "学校 school", "项目 item", "数量 amount", "单位 unit", "起始学期 from term"],
            [.. rows],
            $"{additions.Select(a => a.SchoolCode).Distinct().Count()} school(s). Increments the run's scenario adds (AddResources), in place from the term named.",
            new HashSet<int> { 3 });
    }

    private static ReportTable Totals(ReportData data, IReadOnlyList<ReportAddition> additions)
    {
        var rows = additions.GroupBy(a => a.Indicator).OrderBy(g => g.Key).Select(g =>
        {
            var rule = data.Rules.Indicator(g.Key);
            return (IReadOnlyList<string>)[rule.NameZh, rule.NameEn, Amount(g.Sum(a => a.Amount)), rule.AmountUnit,
                $"{g.Select(a => a.SchoolCode).Distinct().Count()}"];
        });
        return new ReportTable(
            "新增配置合计 Additions: district totals per resource",
            ["项目 item", "English", "合计 total", "单位 unit", "学校 schools"],
            [.. rows],
            $"{additions.Select(a => a.SchoolCode).Distinct().Count()} school(s) in all, scenario {data.Scene.Run?.ScenarioName ?? ""}.",
            new HashSet<int> { 2, 4 });
    }
}
