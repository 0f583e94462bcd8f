using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;

namespace Planning.DataGen.Build;

/// <summary>School sites in the urban area: existing schools in the old core, new ones in the outer ring where the new compounds are.</summary>
public sealed class UrbanSiteSelector(AdminAreaBuilder admin, LocalProjection projection, SeededRandom random)
{
    private const double CoreFraction = 0.55;
    private const double RingInnerFraction = 0.6;
    private const double RingOuterFraction = 0.9;

    public List<Coordinate> ExistingPrimary { get; private set; } = [];

    public List<Coordinate> ExistingJunior { get; private set; } = [];

    public List<Coordinate> New { get; private set; } = [];

    public void Select(int existingPrimary, int existingJunior, int newSchools)
    {
        var core = GeoOps.Intersection(admin.UrbanArea, admin.UrbanShape.ToPolygon(projection, CoreFraction));
        var ring = GeoOps.Difference(
            GeoOps.Intersection(admin.UrbanArea, admin.UrbanShape.ToPolygon(projection, RingOuterFraction)),
            admin.UrbanShape.ToPolygon(projection, RingInnerFraction));

        ExistingPrimary = PointSampler.Sample(core, existingPrimary, 1.3, projection, random.Fork("existing-primary"));
        ExistingJunior = PointSampler.Sample(
            core, existingJunior, 1.8, projection, random.Fork("existing-junior"), accept: p => FarFrom(p, ExistingPrimary, 0.35));
        var existing = ExistingPrimary.Concat(ExistingJunior).ToList();
        New = PointSampler.Sample(ring, newSchools, 1.6, projection, random.Fork("new-schools"), accept: p => FarFrom(p, existing, 0.8));
    }

    private bool FarFrom(Coordinate point, IEnumerable<Coordinate> others, double km) =>
        others.All(o => projection.DistanceKm(o, point) >= km);
}
