using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>The district; NOT_FOUND before a dataset has been imported.</summary>
    public Task<District> GetDistrictAsync(bool includeGeometry = false, CancellationToken ct = default) =>
        UnaryAsync(o => _geography.GetDistrictAsync(new V1.GetDistrictRequest { IncludeGeometry = includeGeometry }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Streets and towns ordered by code; <paramref name="kind"/> null means both.</summary>
    public Task<IReadOnlyList<AdminArea>> ListAdminAreasAsync(
        AdminAreaKind? kind = null, bool includeGeometry = false, CancellationToken ct = default) =>
        UnaryAsync(o => _geography.ListAdminAreasAsync(new V1.ListAdminAreasRequest
            {
                Kind = (kind ?? AdminAreaKind.Unspecified),
                IncludeGeometry = includeGeometry,
            }, o),
            r => (IReadOnlyList<AdminArea>)[.. r.AdminAreas.Select(ProtoMapping.ToRecord)], ct);
}
