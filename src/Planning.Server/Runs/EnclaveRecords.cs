using System.Text.Json;
using System.Text.Json.Serialization;
using Planning.Engine.Results;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>A catchment's enclaves as stored in run_catchments.enclaves: [{"areas": [codes], "reason": text}].</summary>
public sealed record EnclaveRecord(
    [property: JsonPropertyName("areas")] IReadOnlyList<string> Areas,
    [property: JsonPropertyName("reason")] string? Reason);

public static class EnclaveRecords
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Json(IEnumerable<Enclave> enclaves) =>
        JsonSerializer.Serialize(enclaves.Select(e => new EnclaveRecord(e.AreaCodes, e.Reason)).ToList(), Options);

    /// <summary>An enclave as the contract shows it (reason empty when none was asked for).</summary>
    public static V1.Enclave ToProto(IEnumerable<string> areas, string? reason)
    {
        var enclave = new V1.Enclave { Reason = reason ?? "" };
        enclave.AreaCodes.AddRange(areas);
        return enclave;
    }

    public static IReadOnlyList<EnclaveRecord> Read(string json) =>
        JsonSerializer.Deserialize<List<EnclaveRecord>>(json, Options) ?? [];
}
