using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO.Converters;
using Planning.Engine.Inputs;
using Planning.Engine.Terms;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Scenarios;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>
/// Runs stored before snapshots kept only the engine's input (a SimulationInput serialized by its C#
/// property names). At start-up each is given a snapshot once: that input, with the names, resources and
/// resource additions on record at the upgrade and the server's standard, which were read live before.
/// A run whose input cannot be read is left as it is and cannot be assessed (it says so).
/// </summary>
public static partial class RunSnapshotUpgrade
{
    private static readonly JsonSerializerOptions Legacy = new()
    {
        Converters = { new GeoJsonConverterFactory(), new JsonStringEnumConverter(), new TermConverter() },
    };

    public static async Task RunAsync(PlanningDb db, EngineInputs inputs, ILogger logger, CancellationToken ct = default)
    {
        var legacy = await db.Runs.Where(r => r.SnapshotFormat == 0).ToListAsync(ct);
        if (legacy.Count == 0)
        {
            return;
        }
        var (_, baseSchools, _) = await inputs.LoadBaseAsync(ct);
        foreach (var run in legacy)
        {
            try
            {
                var input = JsonSerializer.Deserialize<SimulationInput>(run.SnapshotJson, Legacy)
                            ?? throw new JsonException("empty input");
                // Legacy runs were computed before the MIP step existed.
                input = input with { Parameters = input.Parameters with { Standard = inputs.Defaults.Standard, Solver = input.Parameters.Solver with { MipNodes = 0 } } };
                var changes = run.ScenarioId is { } id && await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } row
                    ? ScenarioStore.ChangesOf(row).ToList()
                    : [];
                var problems = new Common.Problems();
                var opened = changes.Where(c => c.ChangeCase == V1.ScenarioChange.ChangeOneofCase.OpenSchool)
                    .Select(c => SchoolMapping.FromProto(c.OpenSchool.School, problems));
                var additions = changes.Where(c => c.ChangeCase == V1.ScenarioChange.ChangeOneofCase.AddResources)
                    .Select(c => (c.AddResources.SchoolCode, SchoolMapping.FromProto(c.AddResources.Added, "added", problems)));
                // A legacy run ended long ago; 0 says its dataset generation is unknown.
                var snapshot = RunSnapshots.Freeze(new ScenarioInput(input, [.. baseSchools, .. opened], [.. additions], 0));
                run.SnapshotJson = snapshot.ToJson();
                run.SnapshotFormat = snapshot.Format;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
            {
                LogNotUpgraded(logger, e, run.Id);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed class TermConverter : JsonConverter<Term>
    {
        public override Term Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Term.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Term value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} was stored before snapshots and its input could not be read; it cannot be assessed")]
    private static partial void LogNotUpgraded(ILogger logger, Exception e, Guid runId);
}
