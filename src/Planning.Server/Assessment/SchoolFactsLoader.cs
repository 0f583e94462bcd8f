using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Scenarios;
using EngineLevel = Planning.Engine.Rules.SchoolLevel;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>
/// Loads <see cref="SchoolFacts"/> for the schools of a run: the level from the run's own input,
/// names and resource entries from the base data or from the scenario's OpenSchool changes,
/// and the scenario's AddResources changes as scheduled additions.
/// </summary>
internal static class SchoolFactsLoader
{
    public static async Task<IReadOnlyDictionary<string, SchoolFacts>> LoadAsync(
        PlanningDb db, RunRow run, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var levels = RunLevels(run.InputJson);
        var stored = await db.Schools.AsNoTracking().Include(s => s.Resources)
            .Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        var scenario = run.ScenarioId is { } id
            ? await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;
        var changes = scenario is null ? [] : ScenarioStore.ChangesOf(scenario).ToList();
        var opened = changes.Where(c => c.ChangeCase == V1.ScenarioChange.ChangeOneofCase.OpenSchool && c.OpenSchool.School is not null)
            .Select(c => c.OpenSchool.School).GroupBy(s => s.Code.Trim()).ToDictionary(g => g.Key, g => g.Last());

        var facts = new Dictionary<string, SchoolFacts>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (opened.TryGetValue(code, out var school))
            {
                var level = levels.TryGetValue(code, out var l) ? l : EngineLevelOf(school.Level);
                facts[code] = new SchoolFacts(code, school.Name, level, [.. school.Resources.Select(ScheduledResources.Entry)], []);
            }
            else if (stored.TryGetValue(code, out var row))
            {
                var level = levels.TryGetValue(code, out var l) ? l : row.Level;
                facts[code] = new SchoolFacts(code, row.Name, level, [.. row.Resources.Select(ScheduledResources.Entry)], []);
            }
            else if (levels.TryGetValue(code, out var level))
            {
                // Deleted from the base data since the run: no resources on record.
                facts[code] = new SchoolFacts(code, code, level, [], []);
            }
        }
        return ScheduledResources.Add(facts, changes, run.ScenarioId);
    }

    /// <summary>Code → level from the run's stored input (the schools exactly as simulated).</summary>
    private static Dictionary<string, EngineLevel> RunLevels(string inputJson)
    {
        var levels = new Dictionary<string, EngineLevel>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(inputJson);
            if (document.RootElement.TryGetProperty("Schools", out var schools) && schools.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in schools.EnumerateArray())
                {
                    if (s.TryGetProperty("Code", out var code) && s.TryGetProperty("Level", out var level)
                        && Enum.TryParse<EngineLevel>(level.GetString(), out var parsed))
                    {
                        levels[code.GetString()!] = parsed;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // An older or empty input: fall back to the levels on record.
        }
        return levels;
    }

    private static EngineLevel EngineLevelOf(V1.SchoolLevel level) => Vocabulary.FromProto(level) ?? EngineLevel.Primary;
}
