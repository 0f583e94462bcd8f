using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;

namespace Planning.DataGen.Build;

/// <summary>
/// Final geometries of the district, the streets, the towns and the villages, all cut from one
/// <see cref="PlanarPartition"/>: a face belongs to the street (urban area) or town (elsewhere)
/// whose seed is nearest, and inside a town to the village whose site is nearest.
/// </summary>
public sealed class TerritoryPartitioner(AdminAreaBuilder admin, LocalProjection projection)
{
    /// <summary>Village lines reach this much past their own town's Voronoi cell so they meet its final border.</summary>
    private const double VillageLineOvershoot = 1.03;

    public Geometry District { get; private set; } = Polygon.Empty;

    /// <summary>Builds everything; returns per town (in town order) the village geometries in site order (empty when a village lost all its ground).</summary>
    public List<List<Geometry>> Build(IReadOnlyList<IReadOnlyList<Coordinate>> villageSitesByTown)
    {
        var partition = PlanarPartition.FromLines(DividingLines(villageSitesByTown));
        var units = admin.Streets.Concat(admin.Towns).ToList();
        var unitOfFace = AssignAdminUnits(partition, units);
        FaceMerger.MergeDetachedPieces(partition, unitOfFace, units.Select(u => u.Seat).ToList(), (a, b) => units[a].Kind == units[b].Kind);

        District = partition.Union(Enumerable.Range(0, partition.Faces.Count));
        for (var u = 0; u < units.Count; u++)
        {
            units[u].Geometry = partition.Union(FacesOf(unitOfFace, u));
        }

        return BuildVillages(partition, unitOfFace, villageSitesByTown);
    }

    private List<Geometry> DividingLines(IReadOnlyList<IReadOnlyList<Coordinate>> villageSitesByTown)
    {
        var lines = new List<Geometry> { admin.District.Boundary, admin.UrbanArea.Boundary };
        lines.AddRange(admin.StreetRawCells.Select(cell => ClipLine(cell.Boundary, admin.UrbanArea)));
        lines.AddRange(admin.TownRawCells.Select(cell => ClipLine(cell.Boundary, admin.Rural)));
        for (var t = 0; t < admin.Towns.Count; t++)
        {
            var town = admin.Towns[t];
            var seat = town.Seat;
            var widened = AffineTransformation.ScaleInstance(VillageLineOvershoot, VillageLineOvershoot, seat.X, seat.Y)
                .Transform(admin.TownRawCells[t]);
            var region = OverlayNGRobust.Overlay(widened, admin.Rural, SpatialFunction.Intersection);
            var cells = VoronoiCells.RawCells(projection, villageSitesByTown[t], town.Geometry);
            lines.AddRange(cells.Select(cell => ClipLine(cell.Boundary, region)));
        }

        return lines;
    }

    private static Geometry ClipLine(Geometry line, Geometry region) =>
        OverlayNGRobust.Overlay(line, region, SpatialFunction.Intersection);

    private int[] AssignAdminUnits(PlanarPartition partition, List<AdminArea> units)
    {
        var urban = new IndexedPointInAreaLocator(admin.UrbanArea);
        var streetCount = admin.Streets.Count;
        var result = new int[partition.Faces.Count];
        for (var f = 0; f < result.Length; f++)
        {
            var point = partition.InteriorPoints[f];
            result[f] = urban.Locate(point) == Location.Interior
                ? Nearest(point, units.Take(streetCount).Select(u => u.Seat).ToList())
                : streetCount + Nearest(point, units.Skip(streetCount).Select(u => u.Seat).ToList());
        }

        return result;
    }

    private List<List<Geometry>> BuildVillages(
        PlanarPartition partition, int[] adminUnitOfFace, IReadOnlyList<IReadOnlyList<Coordinate>> villageSitesByTown)
    {
        var streetCount = admin.Streets.Count;
        var firstVillage = new List<int>();
        var sites = new List<Coordinate>();
        var townOfVillage = new List<int>();
        for (var t = 0; t < villageSitesByTown.Count; t++)
        {
            firstVillage.Add(sites.Count);
            sites.AddRange(villageSitesByTown[t]);
            townOfVillage.AddRange(villageSitesByTown[t].Select(_ => t));
        }

        var villageOfFace = new int[partition.Faces.Count];
        for (var f = 0; f < villageOfFace.Length; f++)
        {
            var town = adminUnitOfFace[f] - streetCount;
            villageOfFace[f] = town < 0
                ? -1
                : firstVillage[town] + Nearest(partition.InteriorPoints[f], villageSitesByTown[town]);
        }

        FaceMerger.MergeDetachedPieces(partition, villageOfFace, sites, (a, b) => townOfVillage[a] == townOfVillage[b]);

        var result = new List<List<Geometry>>();
        for (var t = 0; t < villageSitesByTown.Count; t++)
        {
            var geometries = new List<Geometry>();
            for (var v = 0; v < villageSitesByTown[t].Count; v++)
            {
                var faces = FacesOf(villageOfFace, firstVillage[t] + v).ToList();
                geometries.Add(faces.Count == 0 ? Polygon.Empty : partition.Union(faces));
            }

            result.Add(geometries);
        }

        return result;
    }

    private int Nearest(Coordinate point, IReadOnlyList<Coordinate> sites)
    {
        var km = projection.ToKm(point);
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < sites.Count; i++)
        {
            var distance = projection.ToKm(sites[i]).Distance(km);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static IEnumerable<int> FacesOf(int[] unitOfFace, int unit) =>
        Enumerable.Range(0, unitOfFace.Length).Where(f => unitOfFace[f] == unit);
}
