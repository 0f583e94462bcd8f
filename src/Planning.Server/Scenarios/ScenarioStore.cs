using Microsoft.EntityFrameworkCore;
using Planning.Engine.Inputs;
using Planning.Engine.Scenarios;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Scenarios;

/// <summary>
/// A scenario ready to run: the engine's input, every school as an exchange feature (its name, kind and
/// resource stock, base data or opened by the scenario) and the scenario's resource additions.
/// </summary>
public sealed record ScenarioInput(
    SimulationInput Input, IReadOnlyList<SchoolFeature> Schools, IReadOnlyList<(string SchoolCode, ResourceFeature Added)> Additions,
    long DatasetGeneration);

/// <summary>Scenarios as stored (ScenarioRecords) and as the engine's input.</summary>
public sealed class ScenarioStore(PlanningDb db, EngineInputs inputs)
{
    /// <summary>The scenario <paramref name="id"/>; <paramref name="field"/> names the request field in an INVALID_ARGUMENT.</summary>
    public async Task<ScenarioRow> FindAsync(string id, bool tracking, CancellationToken ct, string field = "scenario_id")
    {
        var guid = Checks.Id(id, field, "scenario");
        var query = tracking ? db.Scenarios : db.Scenarios.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == guid, ct) ?? throw new NotFoundException($"scenario {id}");
    }

    /// <summary>The base data with the scenario's settings and changes applied; every problem is reported.</summary>
    public async Task<ScenarioInput> InputAsync(V1.ScenarioSettings? settings, IEnumerable<V1.ScenarioChange> changes, CancellationToken ct)
    {
        var problems = new Problems();
        var parameters = ScenarioMapping.Parameters(settings, inputs.Defaults, problems);
        var origins = new List<int>();
        var added = new NewFeatures();
        var engineChanges = ScenarioMapping.Changes(changes, problems, origins, added);
        await CheckNewFeaturesAsync(added, problems, ct);
        var (baseInput, baseSchools, generation) = await inputs.LoadBaseAsync(ct);
        // A geometry the checks refused (outside WGS84, invalid) must not reach PostGIS: its problems are reported below.
        if (added.Areas.Count > 0 && problems.Count == 0)
        {
            var links = await Dataset.AreaAdjacency.ForAddedAsync(db, [.. added.Areas.Select(a => (a.Area.Code, (NetTopologySuite.Geometries.Geometry)a.Area.Geometry))], ct);
            baseInput = baseInput with { Adjacency = [.. baseInput.Adjacency ?? [], .. links] };
        }
        SimulationInput input;
        try
        {
            input = Scenario.Apply(baseInput with { Parameters = parameters }, engineChanges);
            // The engine numbers the changes it was given; pins and locks carry the request's numbers.
            input = input with
            {
                Pins = [.. input.Pins.Select(p => p with { Change = origins[p.Change] })],
                Locks = [.. input.Locks.Select(l => l with { Change = origins[l.Change] })],
            };
        }
        catch (InvalidInputException e)
        {
            // Apply stops at its first unknown code; report it with everything found so far.
            foreach (var problem in e.Problems)
            {
                // The engine numbers the changes it was given; name them as the request does.
                var field = System.Text.RegularExpressions.Regex.Replace(problem.Field, @"^changes\[(\d+)\]",
                    m => $"changes[{origins[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}]");
                problems.Add(field, problem.Description);
            }
            problems.ThrowIfAny();
            throw;
        }
        ScenarioMapping.CheckResourceSchools(changes, input, problems);
        ScenarioMapping.CheckExpansions(changes, input, problems);
        foreach (var problem in input.Validate())
        {
            problems.Add(problem.Field, problem.Description);
        }
        problems.ThrowIfAny();
        var additions = changes.Where(c => c.ChangeCase == V1.ScenarioChange.ChangeOneofCase.AddResources)
            .Select(c => (c.AddResources.SchoolCode, SchoolMapping.FromProto(c.AddResources.Added, "added", problems))).ToList();
        return new ScenarioInput(input, [.. baseSchools, .. added.Schools.Select(s => s.School)], additions, generation);
    }

    /// <summary>Opened schools and added areas pass the import's checks: geometry, district, references, level rules.</summary>
    private async Task CheckNewFeaturesAsync(NewFeatures added, Problems problems, CancellationToken ct)
    {
        if (added.Schools.Count + added.Areas.Count == 0)
        {
            return;
        }
        var inner = new Problems();
        Dataset.DatasetValidator.Validate(
            new Dataset.DatasetFeatures([], [], [.. added.Schools.Select(s => s.School)], [.. added.Areas.Select(a => a.Area)]),
            await Dataset.StoredCodes.LoadAsync(db, ct), replace: false, inner);
        problems.AddAll(inner, field => RequestPath(field, added));
    }

    private static string RequestPath(string field, NewFeatures added)
    {
        var index = Dataset.ProtoFieldNames.Index(field);
        return index < 0 ? field
            : field.StartsWith("schools[", StringComparison.Ordinal) ? Dataset.ProtoFieldNames.School(field, added.Schools[index].Path)
            : Dataset.ProtoFieldNames.Area(field, added.Areas[index].Path);
    }

    public static V1.Scenario ToProto(ScenarioRow row)
    {
        var scenario = new V1.Scenario
        {
            Id = row.Id.ToString(),
            Name = row.Name,
            Description = row.Description,
            Settings = ScenarioRecordMapping.ToProto(ScenarioRecordMapping.Settings(row.SettingsJson)),
            CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.CreatedAt),
            Version = row.Version,
        };
        scenario.Changes.AddRange(ChangesOf(row));
        return scenario;
    }

    public static IEnumerable<V1.ScenarioChange> ChangesOf(ScenarioRow row) =>
        [.. ScenarioRecordMapping.Changes(row.ChangesJson).Select(ScenarioRecordMapping.ToProto)];

    public static string SettingsJson(V1.ScenarioSettings? settings) =>
        ScenarioRecordMapping.SettingsJson(ScenarioRecordMapping.ToRecord(settings));

    public static string ChangesJson(IEnumerable<V1.ScenarioChange> changes) =>
        ScenarioRecordMapping.ChangesJson(changes.Select(ScenarioRecordMapping.ToRecord));
}
