using Planning.Client.Api;

namespace Planning.Cli.Output;

/// <summary>School counts by level (rows) and kind (columns), with totals and base-term enrolment.</summary>
public sealed record SchoolSummary(
    IReadOnlyList<SchoolSummary.Row> Levels, SchoolSummary.Row Total, long Enrolment)
{
    /// <param name="Level">"primary", "junior", "nine-year" or "total".</param>
    public sealed record Row(string Level, int Existing, int New, int Expanded, int Total, long Enrolment);

    public static SchoolSummary Of(IReadOnlyList<School> schools)
    {
        var rows = Names.Levels.Select(l => RowOf(l.Key, schools.Where(s => s.Level == l.Value).ToList())).ToList();
        var total = RowOf("total", schools);
        return new SchoolSummary(rows, total, total.Enrolment);
    }

    private static Row RowOf(string name, IReadOnlyList<School> schools) => new(
        name,
        schools.Count(s => s.Kind == SchoolKind.Existing),
        schools.Count(s => s.Kind == SchoolKind.New),
        schools.Count(s => s.Kind == SchoolKind.Expanded),
        schools.Count,
        schools.Sum(s => (long)s.TotalEnrolment));
}
