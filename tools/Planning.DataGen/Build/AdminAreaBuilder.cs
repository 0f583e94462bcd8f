using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.DataGen.Sources;

namespace Planning.DataGen.Build;

/// <summary>
/// The 6 urban streets (a split of the compact urban area) and the 18 towns (Voronoi cells of
/// the town seats clipped to the rest of the district). All boundaries are approximations; the
/// geometries set here are first drafts that <see cref="TerritoryPartitioner"/> replaces.
/// </summary>
public sealed class AdminAreaBuilder(SourceData sources, LocalProjection projection, SeededRandom random)
{
    /// <summary>Bearing (in turns, 0 = east, counter-clockwise) of each outer street from the centre; 宝平 is central.</summary>
    private static readonly Dictionary<string, double> StreetBearings = new(StringComparer.Ordinal)
    {
        ["周良街道"] = 0.02,
        ["潮阳街道"] = 0.22,
        ["钰华街道"] = 0.42,
        ["朝霞街道"] = 0.62,
        ["海滨街道"] = 0.82,
    };

    private const double StreetSeedRadiusFraction = 0.58;

    public Geometry District { get; private set; } = Polygon.Empty;

    public Geometry UrbanArea { get; private set; } = Polygon.Empty;

    public UrbanAreaShape UrbanShape { get; private set; } = null!;

    public List<AdminArea> Streets { get; } = [];

    public List<AdminArea> Towns { get; } = [];

    /// <summary>The convex Voronoi cell of each town seat (degrees), before clipping; in town order.</summary>
    public List<Geometry> TownRawCells { get; private set; } = [];

    /// <summary>The convex Voronoi cell of each street seed (degrees), before clipping; in street order.</summary>
    public List<Geometry> StreetRawCells { get; private set; } = [];

    /// <summary>The district minus the urban area, where the towns lie.</summary>
    public Geometry Rural { get; private set; } = Polygon.Empty;

    public void Build()
    {
        District = GeoOps.Reduce(sources.DistrictOutline);
        UrbanShape = new UrbanAreaShape(random.Fork("urban-area"));
        UrbanArea = GeoOps.Intersection(UrbanShape.ToPolygon(projection), District);
        BuildStreets();
        BuildTowns();
    }

    private void BuildStreets()
    {
        var jitter = random.Fork("street-seeds");
        foreach (var township in sources.Townships.Where(t => t.IsStreet))
        {
            var seat = StreetBearings.TryGetValue(township.Name, out var bearing)
                ? UrbanShape.PointAt(projection, bearing + jitter.Range(-0.02, 0.02), StreetSeedRadiusFraction)
                : UrbanShape.PointAt(projection, jitter.NextDouble(), jitter.Range(0.03, 0.08));
            Streets.Add(new AdminArea(township.Code, township.Name, AdminKind.Street) { Seat = seat });
        }

        StreetRawCells = VoronoiCells.RawCells(projection, Streets.Select(s => s.Seat).ToList(), UrbanArea);
        for (var i = 0; i < Streets.Count; i++)
        {
            Streets[i].Geometry = GeoOps.Intersection(UrbanArea, StreetRawCells[i]);
        }
    }

    private void BuildTowns()
    {
        var rural = GeoOps.Difference(District, UrbanArea);
        Rural = rural;
        var towns = sources.Townships.Where(t => !t.IsStreet).ToList();
        var seats = new Dictionary<string, Coordinate>(StringComparer.Ordinal);
        foreach (var town in towns)
        {
            if (sources.SeatsByName.TryGetValue(town.Name, out var seat) && seat.Longitude is { } lon && seat.Latitude is { } lat)
            {
                var point = new Coordinate(lon, lat);
                if (!rural.Covers(GeoOps.Factory.CreatePoint(point)))
                {
                    throw new InvalidDataException($"the seat of {town.Name} lies outside the rural part of the district");
                }

                seats[town.Code] = point;
            }
        }

        var synthetic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var town in towns.Where(t => !seats.ContainsKey(t.Code)))
        {
            seats[town.Code] = SyntheticSeatPlacer.PlaceInLargestGap(rural, District, UrbanArea, seats.Values.ToList(), projection);
            synthetic.Add(town.Code);
        }

        var seatList = towns.Select(t => seats[t.Code]).ToList();
        TownRawCells = VoronoiCells.RawCells(projection, seatList, rural);
        for (var i = 0; i < towns.Count; i++)
        {
            Towns.Add(new AdminArea(towns[i].Code, towns[i].Name, AdminKind.Town)
            {
                Seat = seatList[i],
                SeatIsSynthetic = synthetic.Contains(towns[i].Code),
                Geometry = GeoOps.Intersection(rural, TownRawCells[i]),
            });
        }
    }
}
