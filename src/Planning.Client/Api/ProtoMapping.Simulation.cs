using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static TermSummary? ToRecord(V1.TermSummary? s) => s is null ? null : new(
        s.Term, s.Students, s.SchoolsOverSize, s.GradesOverClassLimit, s.SeatsShort, s.StudentsMoved,
        s.MeanDistanceM, s.MaxDistanceM, s.OptimalityGap, s.Enclaves, s.ConstraintIssues, ToRecord(s.Solve));

    public static SolveSummary? ToRecord(V1.SolveSummary? s) => s is null ? null : new(
        s.Method, s.Objective, s.LowerBound, s.BoundKind, s.BoundMethod, s.SolveSeconds, s.BoundSeconds,
        [.. s.Breakdown.Select(b => new ObjectiveTerms(
            b.Level, b.TravelPupilM, b.MovedPupils, b.MoveCost, b.ChangedPupils, b.ChangeCost, b.OverflowPupils, b.OverflowCost,
            b.UnderFillPupils, b.UnderFillCost))],
        s.OverflowPupils, s.MinimumOverflowBound);

    public static RunAddition ToRecord(V1.RunAddition a) => new(a.SchoolCode, a.SchoolName, ToRecord(a.Added ?? new V1.Resources()));

    public static Enclave ToRecord(V1.Enclave e) => new([.. e.AreaCodes], e.Reason);

    public static Run ToRecord(V1.Run r) => new(
        r.Id, r.ScenarioId, r.Mode, r.Label, r.Status, r.Error, ToRecord(r.StartedAt), ToRecord(r.FinishedAt),
        [.. r.Terms], [.. r.Summaries.Select(ToRecord).OfType<TermSummary>()], ToRecord(r.QueuedAt), r.StartedBy, r.Node, r.Attempts, r.Solver);

    public static RunUpdate ToRecord(V1.RunSimulationResponse r) => r.EventCase switch
    {
        V1.RunSimulationResponse.EventOneofCase.Progress =>
            new RunUpdate(new RunProgress(
                r.Progress.RunId, r.Progress.Term, r.Progress.Percent, r.Progress.Message, r.Progress.QueuePosition, r.Progress.Sequence), null),
        V1.RunSimulationResponse.EventOneofCase.Finished => new RunUpdate(null, ToRecord(r.Finished)),
        _ => new RunUpdate(null, null),
    };

    public static SchoolTermResult ToRecord(V1.SchoolTermResult s) => new(
        s.SchoolCode, s.SchoolName, s.Level, s.Open, [.. s.Enrolment], [.. s.Classes], [.. s.LargestClass],
        s.Total, s.SizeLimit, s.PrimaryTracks, s.JuniorTracks);

    public static AreaAssignment ToRecord(V1.AreaAssignment a) => new(
        a.AreaCode, a.SchoolPrimaryCode, a.SchoolJuniorCode, [.. a.Students], a.DistancePrimaryM, a.DistanceJuniorM);

    public static Violation ToRecord(V1.Violation v) =>
        new(v.Kind, v.SchoolCode, v.Grade, v.Value, v.Limit, [.. v.AreaCodes], v.Message);

    public static TermResult ToRecord(V1.TermResult t) => new(
        t.RunId, t.Term, ToRecord(t.Summary), [.. t.Schools.Select(ToRecord)], [.. t.Assignments.Select(ToRecord)],
        [.. t.Violations.Select(ToRecord)],
        [.. t.ConstraintIssues.Select(i => new ConstraintIssue(
            i.Kind, i.ChangeIndex, i.AreaCode, i.SchoolCode, i.Part, i.Grade, i.Students, i.Limit, i.Message))],
        [.. t.Catchments.Select(c => new CatchmentShape(c.SchoolCode, c.Part, c.Areas, c.Parts, [.. c.Enclaves.Select(ToRecord)]))]);

    public static TermComparison ToRecord(V1.TermComparison t) => new(
        t.Term, ToRecord(t.A), ToRecord(t.B),
        [.. t.Flows.Select(f => new StudentFlow(f.FromSchoolCode, f.ToSchoolCode, f.Part, f.Students))],
        [.. t.ChangedAreaCodes]);

    public static DistrictAssessment ToRecord(V1.DistrictAssessment d) => new(
        d.RunId, d.Term,
        [.. d.Parts.Select(p => new PartAssessment(p.Part, p.Schools, p.SchoolsMeetingAll,
            [.. p.Coefficients.Select(c => new Coefficient(
                c.Indicator, c.Value, c.Ceiling, c.Met, [.. c.TopContributors], c.Status, c.UndefinedReason, c.Students, c.Mean))]))],
        d.Passes);

    public static SchoolAssessment ToRecord(V1.SchoolAssessment s) => new(
        s.SchoolCode, s.SchoolName,
        [.. s.Parts.Select(p => new SchoolPartAssessment(p.Part, p.Students,
            [.. p.Indicators.Select(i => new IndicatorResult(i.Indicator, i.Value, i.Threshold, i.Met, i.Gap, i.GapText))],
            p.SixOfSeven, p.SizeOk, p.ClassesOk))]);

    public static RectificationItem ToRecord(V1.RectificationItem i) =>
        new(i.SchoolCode, i.Part, i.Indicator, i.Item, i.OpenedTerm, i.ClosedTerm);
}
