using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.Engine.Terms;

namespace Planning.DataGen.Model;

public enum ResidentialKind
{
    Compound,
    Village,
}

/// <summary>An urban residential compound (小区) or a village (村): the atomic unit of catchments.</summary>
public sealed class ResidentialArea(ResidentialKind kind, AdminArea adminArea, Coordinate site)
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public ResidentialKind Kind { get; } = kind;

    public AdminArea AdminArea { get; } = adminArea;

    /// <summary>The Voronoi site the polygon was grown from (degrees).</summary>
    public Coordinate Site { get; } = site;

    public Geometry Geometry { get; set; } = Polygon.Empty;

    /// <summary>Residents at full occupancy.</summary>
    public int Population { get; set; }

    public int Households { get; set; }

    /// <summary>First term with residents; null when occupied before the base term.</summary>
    public Term? OccupiedFrom { get; set; }

    public double[]? OccupancyRamp { get; set; }

    /// <summary>Students by grade 1–9 in the base term; null while nobody lives there.</summary>
    public int[]? Students { get; set; }

    public School? PrimarySchool { get; set; }

    public School? JuniorSchool { get; set; }

    public bool IsNewCompound => OccupiedFrom is not null;

    /// <summary>Share of the population living there in a term, following the ramp.</summary>
    public double OccupancyIn(Term term)
    {
        if (OccupiedFrom is not { } from || OccupancyRamp is null)
        {
            return 1.0;
        }

        if (term < from)
        {
            return 0.0;
        }

        var year = term.SchoolYear - from.SchoolYear;
        return OccupancyRamp[Math.Min(year, OccupancyRamp.Length - 1)];
    }
}
