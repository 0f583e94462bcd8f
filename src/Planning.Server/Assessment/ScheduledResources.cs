using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Runs;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;

namespace Planning.Server.Assessment;

/// <summary>Resource entries as the engine counts them (every amount exactly as stored), and the scenario's scheduled additions (AddResources).</summary>
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
            if (facts.TryGetValue(code, out var school) && !ResourceParts.Allowed(school.Level, added.Part))
            {
                problems.Add(added.Part == ResourcePart.Shared
                    ? $"school {code} is not a nine-year school and shares nothing between parts"
                    : $"school {code} has no {added.Part.ToString().ToLowerInvariant()} part");
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

    /// <summary>The engine's entry: amounts exactly as stored (full-time equivalents of teachers are real, DOMAIN.md).</summary>
    public static EngineEntry Entry(ResourceRecord r) => new(
        r.Part, Term.Parse(r.From),
        new Resources(r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2, r.EquipmentValueYuan, r.MultimediaRooms));
}
