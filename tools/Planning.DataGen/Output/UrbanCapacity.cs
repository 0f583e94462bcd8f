using Planning.DataGen.Build;
using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Output;

/// <summary>Urban seats against urban students: can a redistribution reach zero violations?</summary>
public static class UrbanCapacity
{
    /// <summary>Σ tracks × class limit × grades over urban schools, with the tracks in force in a term.</summary>
    public static int Seats(IEnumerable<School> urbanSchools, SchoolPart part, Term term) =>
        urbanSchools.Where(s => s.Opening <= term && s.Teaches(part)).Sum(s => PartSeats(s, part, term));

    /// <summary>The same seats, but no school counted past 2,000 students (nine-year: 2,500 for both parts, shared pro rata).</summary>
    public static double SeatsWithinSizeLimits(IEnumerable<School> urbanSchools, SchoolPart part, Term term) =>
        urbanSchools.Where(s => s.Opening <= term && s.Teaches(part)).Sum(s =>
        {
            var own = PartSeats(s, part, term);
            var all = ExpansionPlanner.Parts(s).Sum(p => PartSeats(s, p, term));
            return own * Math.Min(1.0, (double)SchoolStandards.MaxStudents(s) / all);
        });

    /// <summary>Projected students of the compounds in a term (settled ones as in the base term, new ones along their ramp).</summary>
    public static double Demand(IEnumerable<ResidentialArea> compounds, SchoolPart part, Term term) =>
        compounds.Sum(c => SchoolStandards.GradeIndexes(part).Sum(g => StudentRates.Projected(c, term)[g]));

    /// <summary>Students once every new compound is fully occupied.</summary>
    public static double FullOccupancyDemand(IEnumerable<ResidentialArea> compounds, SchoolPart part) =>
        compounds.Sum(c => SchoolStandards.GradeIndexes(part).Sum(g =>
            c.IsNewCompound ? StudentRates.Expected(c, 1.0)[g] : StudentRates.Projected(c, Term.Base)[g]));

    private static int PartSeats(School school, SchoolPart part, Term term)
    {
        var tracks = school.TracksIn(term);
        return SchoolStandards.Seats(part, part == SchoolPart.Primary ? tracks.Primary : tracks.Junior);
    }
}
