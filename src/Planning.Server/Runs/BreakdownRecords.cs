using System.Text.Json;
using System.Text.Json.Serialization;
using Planning.Engine.Results;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>One row of a term's objective breakdown as stored in run_terms.breakdown (a JSON list, one row per level).</summary>
public sealed record BreakdownRecord(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("travel_pupil_m")] long TravelPupilMetres,
    [property: JsonPropertyName("moved_pupils")] long MovedPupils,
    [property: JsonPropertyName("move_cost")] long MoveCost,
    [property: JsonPropertyName("changed_pupils")] long ChangedPupils,
    [property: JsonPropertyName("change_cost")] long ChangeCost,
    [property: JsonPropertyName("overflow_pupils")] long OverflowPupils,
    [property: JsonPropertyName("overflow_cost")] long OverflowCost,
    [property: JsonPropertyName("under_fill_pupils")] long UnderFillPupils,
    [property: JsonPropertyName("under_fill_cost")] long UnderFillCost);

public static class BreakdownRecords
{
    private static readonly (string Name, V1.ObjectiveLevel Level)[] Levels =
        [("primary", V1.ObjectiveLevel.Primary), ("junior", V1.ObjectiveLevel.Junior), ("whole_school", V1.ObjectiveLevel.WholeSchool)];

    public static string Json(ObjectiveBreakdown breakdown)
    {
        ObjectiveTerms[] rows = [breakdown.Primary, breakdown.Junior, breakdown.WholeSchool];
        return JsonSerializer.Serialize(rows.Select((t, i) => new BreakdownRecord(
            Levels[i].Name, t.TravelPupilMetres, t.MovedPupils, t.MoveCost, t.ChangedPupils, t.ChangeCost,
            t.OverflowPupils, t.OverflowCost, t.UnderFillPupils, t.UnderFillCost)).ToList());
    }

    /// <summary>The stored rows as the contract shows them; none for runs stored before the breakdown was kept.</summary>
    public static IEnumerable<V1.ObjectiveTerms> ToProto(string? json) =>
        (json is null ? [] : JsonSerializer.Deserialize<List<BreakdownRecord>>(json) ?? []).Select(r => new V1.ObjectiveTerms
        {
            Level = Levels.FirstOrDefault(l => l.Name == r.Level).Level,
            TravelPupilM = r.TravelPupilMetres,
            MovedPupils = r.MovedPupils,
            MoveCost = r.MoveCost,
            ChangedPupils = r.ChangedPupils,
            ChangeCost = r.ChangeCost,
            OverflowPupils = r.OverflowPupils,
            OverflowCost = r.OverflowCost,
            UnderFillPupils = r.UnderFillPupils,
            UnderFillCost = r.UnderFillCost,
        });
}
