using NetTopologySuite.Geometries;

namespace Planning.DataGen.Sources;

/// <summary>An official township (street or town) from the NBS division codes.</summary>
public sealed record Township(string Code, string Name, bool IsStreet);

/// <summary>A town seat with open coordinates (GeoNames), or none.</summary>
public sealed record TownSeat(string Name, double? Longitude, double? Latitude, string Quality);

/// <summary>District totals of the 2020 census.</summary>
public sealed record CensusFigures(string Code, string Name, int Population, double UrbanShare, double PersonsPerHousehold);

/// <summary>The real inputs read from <c>data/geo/sources</c>.</summary>
public sealed record SourceData(
    Polygon DistrictOutline,
    IReadOnlyList<Township> Townships,
    IReadOnlyDictionary<string, TownSeat> SeatsByName,
    Coordinate DistrictCentre,
    CensusFigures Census);
