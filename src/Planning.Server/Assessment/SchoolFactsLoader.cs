using Planning.Server.Data;
using Planning.Server.Runs;

namespace Planning.Server.Assessment;

/// <summary>
/// <see cref="SchoolFacts"/> for the schools of a run, from the run's frozen snapshot only: its level,
/// name and resource stock as they were when the run started, and the scenario's resource additions
/// of that moment. Editing a school or the scenario later changes no old run's assessment.
/// </summary>
internal static class SchoolFactsLoader
{
    public static IReadOnlyDictionary<string, SchoolFacts> Load(RunRow run)
    {
        var snapshot = RunSnapshots.Read(run);
        var facts = snapshot.Schools.ToDictionary(
            s => s.Code,
            s => new SchoolFacts(s.Code, s.Name, s.Level, [.. s.Resources.Select(ScheduledResources.Entry)], []),
            StringComparer.Ordinal);
        return ScheduledResources.Add(facts, snapshot.Schools.SelectMany(s => s.Additions.Select(a => (s.Code, a))), run.ScenarioId);
    }
}
