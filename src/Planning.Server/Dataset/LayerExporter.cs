using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>Loads a stored layer as features in the dataset format, ordered by code.</summary>
public sealed class LayerExporter(PlanningDb db)
{
    public async Task<IReadOnlyList<ExportFeature>> LoadAsync(string layer, CancellationToken ct) => layer switch
    {
        LayerNames.District => (await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct))
            .Select(d => FeatureProperties.From(FeatureProperties.ToFeature(d))).ToList(),
        LayerNames.AdminAreas => (await db.AdminAreas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct))
            .Select(a => FeatureProperties.From(FeatureProperties.ToFeature(a))).ToList(),
        LayerNames.Schools => (await db.Schools.AsNoTracking().AsSplitQuery()
                .Include(s => s.AdminArea).Include(s => s.Capacity).Include(s => s.Resources)
                .OrderBy(s => s.Code).ToListAsync(ct))
            .Select(s => FeatureProperties.From(FeatureProperties.ToFeature(s))).ToList(),
        LayerNames.ResidentialAreas => (await db.ResidentialAreas.AsNoTracking()
                .Include(a => a.AdminArea).Include(a => a.SchoolPrimary).Include(a => a.SchoolJunior)
                .OrderBy(a => a.Code).ToListAsync(ct))
            .Select(a => FeatureProperties.From(FeatureProperties.ToFeature(a))).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "not a stored layer"),
    };
}
