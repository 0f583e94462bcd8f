namespace Planning.Reports;

/// <summary>Turns a scene's figures into what one map draws: titles, the part's catchments and schools with their status.</summary>
public static class ReportMaps
{
    public static MapData Map(ReportData data, ReportScene scene, SchoolPart part, ReportView view)
    {
        var schools = Schools(scene, part, data.Rules);
        var students = schools.Sum(s => s.Students);
        var over = schools.Count(s => s.Status == SchoolStatus.OverLimits);
        var title = $"{data.Header.DistrictName}{ReportText.PartZh(part)}学区图  {scene.Term}";
        var subtitle = $"{scene.Description} · {ReportText.PartEn(part, data.Rules)} · "
                       + $"{schools.Count} schools, {students:N0} students, {over} over limits";
        return new MapData(
            title,
            subtitle,
            data.Geography.District,
            data.Geography.AdminAreas,
            [.. scene.Catchments.Where(c => c.Part == part).Select(c => new MapCatchment(c.SchoolCode, c.Area))],
            schools,
            view.Envelope(data.Geography),
            view.IsDistrict ? ReportView.Streets(data.Geography) : null,
            data.Rules.SchoolSizeLimit,
            Credits(data.Header));
    }

    /// <summary>The part's schools as symbols: students of the part's grades, status by violations in those grades.</summary>
    public static IReadOnlyList<MapSchool> Schools(ReportScene scene, SchoolPart part, ReportRules rules)
    {
        var band = rules.Band(part);
        var over = Violations(scene, part, rules).Select(v => v.SchoolCode).ToHashSet();
        return [.. scene.Schools.Where(s => s.Teaches(part)).Select(s => new MapSchool(
            s.Code, s.Name, s.Lon, s.Lat, band.Sum(s.Enrolment), s.SizeLimit, Status(over.Contains(s.Code), s.Kind)))];
    }

    /// <summary>The violations that concern a part: those of its grades and those of the whole school (grade 0).</summary>
    public static IEnumerable<ReportViolation> Violations(ReportScene scene, SchoolPart part, ReportRules rules)
    {
        var band = rules.Band(part);
        var teaching = scene.Schools.Where(s => s.Teaches(part)).Select(s => s.Code).ToHashSet();
        return scene.Violations.Where(v => teaching.Contains(v.SchoolCode) && (v.Grade == 0 || band.Grades.Contains(v.Grade)));
    }

    /// <summary>Over limits wins; otherwise the school's role in the plan.</summary>
    public static SchoolStatus Status(bool overLimits, SchoolKind kind) =>
        overLimits ? SchoolStatus.OverLimits
        : kind == SchoolKind.New ? SchoolStatus.New
        : kind == SchoolKind.Expanded ? SchoolStatus.Expanded
        : SchoolStatus.WithinLimits;

    /// <summary>What every map says about its data: the synthetic-data warning first, then the dataset's credits.</summary>
    public static IReadOnlyList<string> Credits(ReportHeader header) =>
        [.. header.Synthetic ? [ReportText.SyntheticShort] : Array.Empty<string>(), .. header.Credits];
}
