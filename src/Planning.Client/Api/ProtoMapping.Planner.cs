using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static V1.AreaMove ToProto(AreaMove m) => new()
    {
        AreaCode = m.AreaCode, SchoolCode = m.SchoolCode, Part = m.Part ?? SchoolPart.Unspecified,
    };

    public static WhatIfResult ToRecord(V1.WhatIfResponse r) => new(
        r.RunId, r.Term,
        [.. r.Schools.Select(s => new WhatIfSchool(
            s.SchoolCode, s.SchoolName, ToRecord(s.Before), ToRecord(s.After), [.. s.Seats],
            [.. s.ViolationsBefore.Select(ToRecord)], [.. s.ViolationsAfter.Select(ToRecord)]))],
        [.. r.Areas.Select(a => new WhatIfArea(
            a.AreaCode, a.Part, a.FromSchoolCode, a.ToSchoolCode, a.Pupils, a.PupilsMoved, a.DistanceBeforeM, a.DistanceAfterM))],
        [.. r.Catchments.Select(c => new WhatIfCatchment(
            c.SchoolCode, c.Part, c.AreasBefore, c.AreasAfter, c.PartsBefore, c.PartsAfter, c.Contiguous, [.. c.EnclavesAfter.Select(ToRecord)]))],
        r.PupilsMoved, r.MeanDistanceBeforeM, r.MeanDistanceAfterM, r.MaxDistanceBeforeM, r.MaxDistanceAfterM, r.AdjacencyKnown);

    public static SweepUpdate ToRecord(V1.SweepScenarioResponse r) => r.EventCase switch
    {
        V1.SweepScenarioResponse.EventOneofCase.Progress => new SweepUpdate(
            new SweepProgress(r.Progress.Index, r.Progress.Count, r.Progress.Value,
                r.Progress.Run is { } p ? new RunProgress(p.RunId, p.Term, p.Percent, p.Message, p.QueuePosition) : null), null),
        V1.SweepScenarioResponse.EventOneofCase.Table => new SweepUpdate(null, new SweepTable(
            r.Table.Setting,
            [.. r.Table.Rows.Select(x => new SweepRow(
                x.Value, x.RunId, x.PupilsMoved, x.MeanDistanceM, x.Violations, x.SeatsShort, x.Enclaves,
                [.. x.Terms.Select(ToRecord).OfType<TermSummary>()]))])),
        _ => new SweepUpdate(null, null),
    };
}
