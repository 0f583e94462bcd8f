using NetTopologySuite.Geometries;
using Planning.Engine.Terms;

namespace Planning.Engine.Inputs;

/// <summary>
/// A residential compound or village: the unit that is assigned, whole, to one school per level
/// (DOMAIN.md, "atomic units").
/// </summary>
/// <param name="Code">Unique area code.</param>
/// <param name="Kind">Compound or village.</param>
/// <param name="Point">Population-weighted point; travel distances are measured from here.</param>
/// <param name="Population">Residents at full occupancy.</param>
/// <param name="OccupiedFrom">First term with residents; null when occupied before the first simulated term.</param>
/// <param name="OccupancyRamp">
/// Share of <paramref name="Population"/> living there in the 1st, 2nd, … school year from
/// <paramref name="OccupiedFrom"/>; the last value holds afterwards; null means fully occupied.
/// </param>
/// <param name="BaseStudents">Students living there in grades 1–9 in the first simulated term, or null when unknown.</param>
/// <param name="PrimarySchool">Code of the school serving grades 1–6 in the first term, or null.</param>
/// <param name="JuniorSchool">Code of the school serving grades 7–9 in the first term (the feeder for grade-6 leavers), or null.</param>
/// <param name="Boundary">The area's polygon (SRID 4326), used for catchment maps; null when unknown.</param>
public sealed record ResidentialArea(
    string Code,
    AreaKind Kind,
    GeoPoint Point,
    int Population,
    Term? OccupiedFrom = null,
    IReadOnlyList<double>? OccupancyRamp = null,
    IReadOnlyList<int>? BaseStudents = null,
    string? PrimarySchool = null,
    string? JuniorSchool = null,
    Geometry? Boundary = null)
{
    /// <summary>Share of the population living in the area in <paramref name="term"/>, 0–1.</summary>
    public double OccupancyIn(Term term)
    {
        if (OccupiedFrom is { } from && term < from)
        {
            return 0;
        }

        if (OccupancyRamp is not { Count: > 0 } ramp)
        {
            return 1;
        }

        if (OccupiedFrom is not { } start)
        {
            return ramp[^1];
        }

        var year = term.SchoolYear - start.SchoolYear;
        return ramp[Math.Min(year, ramp.Count - 1)];
    }
}
