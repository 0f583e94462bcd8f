using System.Globalization;

namespace Planning.Reports;

/// <summary>The report's tables, built from its figures.</summary>
public static class ReportTables
{
    /// <summary>
    /// Every school of a part: its tracks, seats per grade, students by grade, total and size limit. A grade the run
    /// reports over tracks × class limit, and a total over the size limit, are flagged.
    /// </summary>
    public static ReportTable Grades(ReportData data, ReportScene scene, SchoolPart part)
    {
        var band = data.Rules.Band(part);
        var over = ReportMaps.Violations(scene, part, data.Rules).ToList();
        var classes = over.Where(v => v.Kind == ViolationKind.ClassSize).Select(v => (v.SchoolCode, v.Grade)).ToHashSet();
        var oversize = over.Where(v => v.Kind == ViolationKind.SchoolSize).Select(v => v.SchoolCode).ToHashSet();
        var statuses = ReportMaps.Schools(scene, part, data.Rules).ToDictionary(s => s.Code, s => s.Status);
        var schools = scene.Schools.Where(s => s.Teaches(part)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var grades = band.Grades.ToList();
        var flagged = new HashSet<(int, int)>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (school, row) in schools.Select((s, i) => (s, i)))
        {
            var cells = new List<string>
            {
                school.Code, school.Name, ReportText.Status(statuses[school.Code]), $"{school.Tracks(part)}",
                ReportText.Number(school.Tracks(part) * band.ClassLimit),
            };
            foreach (var grade in grades)
            {
                if (classes.Contains((school.Code, grade)))
                {
                    flagged.Add((row, cells.Count));
                }
                cells.Add(ReportText.Number(grade - 1 < school.Enrolment.Count ? school.Enrolment[grade - 1] : 0));
            }
            if (oversize.Contains(school.Code))
            {
                flagged.Add((row, cells.Count));
            }
            cells.Add(ReportText.Number(band.Sum(school.Enrolment)));
            cells.Add(ReportText.Number(school.SizeLimit));
            rows.Add(cells);
        }
        var numeric = Enumerable.Range(3, 2 + grades.Count + 2).ToHashSet();
        return new ReportTable(
            $"{ReportText.PartZh(part)}分年级学生 Students by grade, {ReportText.PartEn(part, data.Rules)} · {scene.Term}",
            ["代码 code", "学校 school", "状态 status", "轨 tracks", "每级学位 seats/grade", .. grades.Select(g => $"{g}年级"), "合计 total", "限额 limit"],
            rows,
            $"{schools.Count} schools, {ReportText.Number(schools.Sum(s => band.Sum(s.Enrolment)))} students. Seats per grade are tracks × "
            + $"{band.ClassLimit} (the class limit of grades {band.FirstGrade}–{band.LastGrade}); red: a grade over them, or a total over the "
            + "school's size limit, as the run reports it.",
            numeric,
            flagged);
    }

    public static ReportTable Violations(ReportData data, ReportScene scene)
    {
        var names = scene.Schools.ToDictionary(s => s.Code, s => s.Name);
        var limits = string.Join(" / ", data.Rules.Bands.Select(b => b.ClassLimit));
        return new ReportTable(
            $"超限 Violations of the size and class limits · {scene.Term}",
            ["类型 kind", "代码 code", "学校 school", "年级 grade", "数值 value", "限额 limit", "说明 explanation"],
            [.. scene.Violations.Select(v => (IReadOnlyList<string>)
                [ReportText.Violation(v.Kind), v.SchoolCode, names.GetValueOrDefault(v.SchoolCode, ""), v.Grade == 0 ? "" : $"{v.Grade}",
                    ReportText.Number(v.Value), ReportText.Number(v.Limit), v.Message])],
            scene.Violations.Count == 0
                ? $"No violations: every school within {ReportText.Number(data.Rules.SchoolSizeLimit)} "
                  + $"({ReportText.Number(data.Rules.NineYearSizeLimit)} nine-year) students and {limits} per class."
                : $"{scene.Violations.Count} violation(s).",
            new HashSet<int> { 3, 4, 5 });
    }

    /// <summary>The enrolment-weighted difference coefficient of each indicator, by the standard's Chinese names.</summary>
    public static ReportTable Coefficients(ReportData data)
    {
        var title = "差异系数 Difference coefficients between schools (enrolment-weighted)";
        if (data.Assessment is not { } assessment)
        {
            return new ReportTable(title, [], [], data.AssessmentNote ?? "The assessment is not available.");
        }
        var parts = assessment.Parts.OrderBy(p => p.Part).ToList();
        var header = new List<string> { "指标 indicator", "English" };
        foreach (var part in parts)
        {
            header.AddRange([$"{ReportText.PartZh(part.Part)} coefficient", "上限 ceiling", "达标 met"]);
        }
        var rows = data.Rules.Indicators.Select(rule =>
        {
            var cells = new List<string> { rule.NameZh, rule.NameEn };
            foreach (var part in parts)
            {
                var c = part.Coefficients.FirstOrDefault(x => x.Indicator == rule.Indicator);
                cells.AddRange(c is null ? ["", "", ""] : [Coefficient(c.Value), $"{c.Ceiling:0.00}", c.Met ? "是 yes" : "否 no"]);
            }
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var flagged = rows.SelectMany((r, i) => r.Select((cell, c) => (i, c, cell))).Where(x => x.cell == "否 no").Select(x => (x.i, x.c)).ToHashSet();
        var counts = string.Join("; ", parts.Select(p =>
            $"{ReportText.PartZh(p.Part)} {(p.Part == SchoolPart.Junior ? "junior" : "primary")}: {p.SchoolsMeetingAll} of {p.Schools} school parts meet every item"));
        return new ReportTable(title, header, rows,
            $"{counts}. Coefficient = S / X̄ with each school weighted by its pupils.",
            parts.SelectMany((_, i) => new[] { 2 + (3 * i), 3 + (3 * i) }).ToHashSet(), flagged);
    }

    /// <summary>The standard's seven indicators with their norms (GetRules).</summary>
    public static ReportTable Norms(ReportRules rules) => new(
        $"国家标准指标 The standard's indicators ({rules.Standard})",
        ["指标 indicator", "English", "单位 unit", "小学 primary", "初中 junior"],
        [.. rules.Indicators.Select(i => (IReadOnlyList<string>)[i.NameZh, i.NameEn, i.Unit, Norm(i.PrimaryNorm), Norm(i.JuniorNorm)])],
        $"A school part meets the standard with at least {rules.MinimumIndicatorsMet} of the {rules.Indicators.Count} indicators at their norm "
        + $"and every other at no less than {rules.FloorShare * 100:0.#} % of it. Ceilings of the coefficients: "
        + string.Join(", ", rules.Bands.Select(b => $"{ReportText.PartZh(b.Part)} {b.CoefficientCeiling:0.00}")) + ".",
        new HashSet<int> { 3, 4 });

    /// <summary>The term's headline figures of two scenes side by side.</summary>
    public static ReportTable Figures(ReportScene before, ReportScene after)
    {
        static string Km(double m) => (m / 1000).ToString("0.00", CultureInfo.InvariantCulture);
        (string Name, Func<TermFigures, string> Value)[] lines =
        [
            ("在校生 students", f => ReportText.Number(f.Students)),
            ("超规模学校 schools over their size limit", f => ReportText.Number(f.SchoolsOverSize)),
            ("超班额年级 grades over the class limit", f => ReportText.Number(f.GradesOverClassLimit)),
            ("学位不足 students without a seat", f => ReportText.Number(f.SeatsShort)),
            ("转校学生 students moved this term", f => ReportText.Number(f.StudentsMoved)),
            ("平均就学距离 mean distance, km", f => Km(f.MeanDistanceM)),
            ("最远就学距离 longest distance, km", f => Km(f.MaxDistanceM)),
        ];
        return new ReportTable(
            $"前后对比 Before and after · {after.Term}",
            ["", before.ShortName, after.ShortName],
            [.. lines.Select(l => (IReadOnlyList<string>)
                [l.Name, before.Figures is null ? "" : l.Value(before.Figures), after.Figures is null ? "" : l.Value(after.Figures)])],
            $"{before.ShortName}: {before.Description}. {after.ShortName}: {after.Description}. Distances are straight lines.",
            new HashSet<int> { 1, 2 });
    }

    /// <summary>The largest flows of pupils between the two scenes' schools.</summary>
    public static ReportTable Flows(ReportData data, int top)
    {
        var flows = data.Flows ?? [];
        var names = data.Scene.Schools.Concat(data.Before?.Schools ?? []).GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.First().Name);
        string Name(string code) => code.Length == 0 ? "—" : names.GetValueOrDefault(code, code);
        return new ReportTable(
            "学生流向 Largest flows of students between the two",
            ["从 from", "到 to", "学段 part", "学生 students"],
            [.. flows.OrderByDescending(f => f.Students).ThenBy(f => f.FromSchool, StringComparer.Ordinal).Take(top)
                .Select(f => (IReadOnlyList<string>)[Name(f.FromSchool), Name(f.ToSchool), ReportText.PartZh(f.Part), ReportText.Number(f.Students)])],
            $"{ReportText.Number(flows.Sum(f => f.Students))} students in {flows.Count} flows in all.",
            new HashSet<int> { 3 });
    }

    private static string Coefficient(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Norm(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
