using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;
using EnginePart = Planning.Engine.Rules.SchoolPart;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>Resource entries as the engine counts them, and the scenario's scheduled additions (AddResources).</summary>
internal static class ScheduledResources
{
    /// <summary>Adds the scenario's AddResources changes; a change the assessment cannot use fails the call.</summary>
    public static Dictionary<string, SchoolFacts> Add(
        Dictionary<string, SchoolFacts> facts, List<V1.ScenarioChange> changes, Guid? scenarioId)
    {
        var problems = new List<string>();
        var additions = new List<(string Code, EngineEntry Entry)>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].ChangeCase != V1.ScenarioChange.ChangeOneofCase.AddResources)
            {
                continue;
            }
            var change = changes[i].AddResources;
            var path = $"changes[{i}].add_resources";
            var part = change.Added is null ? null : Vocabulary.FromProto(change.Added.Part);
            if (change.Added is null || part is null || !Engine.Terms.Term.TryParseExact(change.Added.FromTerm, out _) || !Valid(change.Added))
            {
                problems.Add($"{path}.added must name a part, a term like \"2021-autumn\" and amounts ≥ 0");
            }
            else if (facts.TryGetValue(change.SchoolCode, out var school) && !school.Teaches(EnginePartOf(part.Value)))
            {
                problems.Add($"{path}: school {change.SchoolCode} has no {part.Value.ToString().ToLowerInvariant()} part");
            }
            else
            {
                additions.Add((change.SchoolCode, Entry(change.Added)));
            }
        }
        if (problems.Count > 0)
        {
            throw new PreconditionFailedException(
                $"scenario {scenarioId} cannot be assessed: {string.Join("; ", problems.Take(5))}");
        }
        foreach (var group in additions.GroupBy(a => a.Code).Where(g => facts.ContainsKey(g.Key)))
        {
            facts[group.Key] = facts[group.Key] with { Additions = [.. group.Select(a => a.Entry)] };
        }
        return facts;
    }

    private static bool Valid(V1.Resources r) =>
        new[] { r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms }
            .All(v => double.IsFinite(v) && v >= 0 && v <= int.MaxValue);

    public static EngineEntry Entry(ResourceRow r) => new(
        EnginePartOf(r.Part), Term.Parse(r.FromTerm),
        Amounts(r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms));

    public static EngineEntry Entry(V1.Resources r) => new(
        EnginePartOf(Vocabulary.FromProto(r.Part) ?? SchoolPart.Primary), Term.Parse(r.FromTerm),
        Amounts(r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms));

    /// <summary>Teachers and rooms are whole: a stored count is rounded to the nearest whole one.</summary>
    private static Resources Amounts(
        double degree, double backbone, double peArt, double floor, double sports, double equipment, double rooms) =>
        new(Whole(degree), Whole(backbone), Whole(peArt), floor, sports, equipment, Whole(rooms));

    private static int Whole(double count) => checked((int)Math.Round(count, MidpointRounding.AwayFromZero));

    private static EnginePart EnginePartOf(SchoolPart part) =>
        part == SchoolPart.Primary ? EnginePart.Primary : EnginePart.Junior;
}
