using NetTopologySuite.Geometries;

namespace Planning.DataGen.Model;

/// <summary>Everything the generator writes: the four layers and the seed they came from.</summary>
public sealed record Dataset(
    ulong Seed,
    string DistrictCode,
    string DistrictName,
    int DistrictPopulation,
    Geometry DistrictOutline,
    IReadOnlyList<AdminArea> AdminAreas,
    IReadOnlyList<School> Schools,
    IReadOnlyList<ResidentialArea> ResidentialAreas);
