using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    private Rules? _rules;

    /// <summary>The rules in force on the server; asked once per client (they change only with a server restart).</summary>
    public async Task<Rules> GetRulesAsync(CancellationToken ct = default) =>
        _rules ??= await UnaryAsync(o => _rulesService.GetRulesAsync(new V1.GetRulesRequest(), o), ProtoMapping.ToRecord, ct);
}
