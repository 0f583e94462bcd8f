using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Runs;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;

namespace Planning.Server.Assessment;

/// <summary>Resource entries as the engine counts them, and the scenario's scheduled additions (AddResources).</summary>
internal static class ScheduledResources
{
    /// <summary>Adds the scenario's resource additions; an addition to a part the school does not have fails the call.</summary>
    public static Dictionary<string, SchoolFacts> Add(
        Dictionary<string, SchoolFacts> facts, IEnumerable<(string SchoolCode, ResourceRecord Added)> additions, Guid? scenarioId)
    {
        var problems = new List<string>();
        var accepted = new List<(string Code, EngineEntry Entry)>();
        foreach (var (code, added) in additions)
        {
            if (facts.TryGetValue(code, out var school) && !school.Teaches(added.Part))
            {
                problems.Add($"school {code} has no {added.Part.ToString().ToLowerInvariant()} part");
            }
            else
            {
                accepted.Add((code, Entry(added)));
            }
        }
        if (problems.Count > 0)
        {
            throw new PreconditionFailedException(
                $"scenario {scenarioId} cannot be assessed: {string.Join("; ", problems.Take(5))}");
        }
        foreach (var group in accepted.GroupBy(a => a.Code).Where(g => facts.ContainsKey(g.Key)))
        {
            facts[group.Key] = facts[group.Key] with { Additions = [.. group.Select(a => a.Entry)] };
        }
        return facts;
    }

    public static EngineEntry Entry(ResourceRecord r) => new(
        r.Part, Term.Parse(r.From),
        Amounts(r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms));

    /// <summary>Teachers and rooms are whole: a stored count is rounded to the nearest whole one.</summary>
    private static Resources Amounts(
        double degree, double backbone, double peArt, double floor, double sports, double equipment, double rooms) =>
        new(Whole(degree), Whole(backbone), Whole(peArt), floor, sports, equipment, Whole(rooms));

    private static int Whole(double count) => checked((int)Math.Round(count, MidpointRounding.AwayFromZero));
}
