using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Data;
using V1 = Planning.V1;

namespace Planning.Server.Scenarios;

/// <summary>
/// Scenarios stored as the contract's protobuf JSON (format 1, before the stored records) are rewritten
/// as <see cref="ScenarioRecords"/> once, at start-up. A row that cannot be read is left as it was and logged.
/// </summary>
public static partial class ScenarioUpgrade
{
    public static async Task RunAsync(PlanningDb db, ILogger logger, CancellationToken ct = default)
    {
        var legacy = await db.Scenarios.Where(s => s.Format == 1).ToListAsync(ct);
        foreach (var row in legacy)
        {
            try
            {
                var settings = JsonParser.Default.Parse<V1.ScenarioSettings>(row.SettingsJson);
                using var document = JsonDocument.Parse(row.ChangesJson);
                var changes = document.RootElement.EnumerateArray()
                    .Select(e => JsonParser.Default.Parse<V1.ScenarioChange>(e.GetRawText())).ToList();
                row.SettingsJson = ScenarioStore.SettingsJson(settings);
                row.ChangesJson = ScenarioStore.ChangesJson(changes);
                row.Format = ScenarioRecords.Format;
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or JsonException or InvalidOperationException or ArgumentException)
            {
                LogNotUpgraded(logger, e, row.Id);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scenario {ScenarioId} is stored in the old format and could not be rewritten; it stays as it was")]
    private static partial void LogNotUpgraded(ILogger logger, Exception e, Guid scenarioId);
}
