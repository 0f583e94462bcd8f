using System.Globalization;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// Urban residential compounds: Voronoi cells of sites spread over each street, shrunk towards
/// their centre so that roads separate them. The compounds nearest each new school are the new
/// compounds it was built for; they fill up over the years along an occupancy ramp.
/// </summary>
public sealed class CompoundBuilder(LocalProjection projection, SeededRandom random)
{
    /// <summary>Mean ground of a compound cell (km²); gives about 240 compounds.</summary>
    public const double MeanCompoundAreaKm2 = 0.28;

    /// <summary>New compounds are denser (high-rise) than the old town.</summary>
    public const double NewCompoundDensity = 1.6;

    private const int NewCompoundsPerNewSchool = 2;

    private static readonly double[] ShrinkFactors = [0.86, 0.8, 0.72, 0.62, 0.5];

    private static readonly double[][] Ramps =
    [
        [0.3, 0.6, 0.85, 1.0],
        [0.25, 0.55, 0.8, 1.0],
        [0.4, 0.7, 0.9, 1.0],
        [0.35, 0.65, 0.9, 1.0],
    ];

    public List<ResidentialArea> Build(
        IReadOnlyList<AdminArea> streets,
        IReadOnlyList<(Coordinate Site, Term Opening)> newSchools,
        NameGenerator names,
        double personsPerHousehold)
    {
        var compounds = new List<ResidentialArea>();
        var cellAreas = new Dictionary<ResidentialArea, double>();
        foreach (var street in streets)
        {
            var areaKm2 = LocalProjection.AreaKm2(street.Geometry);
            var count = Math.Max(8, (int)Math.Round(areaKm2 / MeanCompoundAreaKm2));
            var sites = PointSampler.Sample(street.Geometry, count, 0.8 * Math.Sqrt(areaKm2 / count), projection, random.Fork(street.Code));
            var cells = VoronoiCells.Build(projection, sites, street.Geometry);
            for (var i = 0; i < sites.Count; i++)
            {
                var compound = new ResidentialArea(ResidentialKind.Compound, street, sites[i]) { Geometry = Shrink(cells[i], street.Geometry) };
                compounds.Add(compound);
                cellAreas[compound] = LocalProjection.AreaKm2(cells[i]);
            }
        }

        MarkNewCompounds(compounds, newSchools);
        AssignPopulation(streets, compounds, cellAreas, personsPerHousehold);
        for (var i = 0; i < compounds.Count; i++)
        {
            compounds[i].Code = "BD-C-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture);
            compounds[i].Name = names.Compound(compounds[i].AdminArea.ShortName, compounds[i].IsNewCompound);
        }

        return compounds;
    }

    private void MarkNewCompounds(List<ResidentialArea> compounds, IReadOnlyList<(Coordinate Site, Term Opening)> newSchools)
    {
        foreach (var (site, opening) in newSchools)
        {
            var terms = OccupancyTerms(opening);
            var nearest = compounds
                .Where(c => !c.IsNewCompound)
                .OrderBy(c => projection.DistanceKm(c.Site, site))
                .Take(NewCompoundsPerNewSchool)
                .ToList();
            for (var i = 0; i < nearest.Count; i++)
            {
                nearest[i].OccupiedFrom = terms[i];
                nearest[i].OccupancyRamp = opening < Term.Base ? Ramps[2] : random.Pick(Ramps);
            }
        }
    }

    /// <summary>Four in step: the compounds of a school fill up from its opening year on.</summary>
    private Term[] OccupancyTerms(Term schoolOpening)
    {
        if (schoolOpening < Term.Base)
        {
            return [Term.Base, Term.Base];
        }

        if (schoolOpening == Term.Base)
        {
            return [Term.Base, Term.Autumn(2021)];
        }

        return [random.Chance(0.25) ? Term.Spring(2021) : Term.Autumn(2021), random.Chance(0.25) ? Term.Spring(2022) : Term.Autumn(2022)];
    }

    private void AssignPopulation(
        IReadOnlyList<AdminArea> streets, List<ResidentialArea> compounds, Dictionary<ResidentialArea, double> cellAreas, double personsPerHousehold)
    {
        foreach (var street in streets)
        {
            var inStreet = compounds.Where(c => c.AdminArea == street).ToList();
            var weights = inStreet
                .Select(c => cellAreas[c] * random.Range(0.7, 1.3) * (c.IsNewCompound ? NewCompoundDensity : 1.0))
                .ToList();
            var populations = LargestRemainder.Split(street.Population, weights);
            for (var i = 0; i < inStreet.Count; i++)
            {
                inStreet[i].Population = populations[i];
                inStreet[i].Households = PopulationPlanner.Households(populations[i], personsPerHousehold, random);
            }
        }
    }

    private static Geometry Shrink(Geometry cell, Geometry street)
    {
        var part = GeoOps.Parts(cell).OrderByDescending(p => p.Area).First();
        var centre = part.Centroid.Coordinate;
        foreach (var factor in ShrinkFactors)
        {
            var scaled = AffineTransformation.ScaleInstance(factor, factor, centre.X, centre.Y).Transform(part);
            var reduced = GeoOps.Reduce(scaled);
            if (reduced is Polygon && reduced.IsValid && street.Covers(reduced) && cell.Covers(reduced))
            {
                return reduced;
            }
        }

        throw new InvalidOperationException("a compound could not be fitted inside its street");
    }
}
