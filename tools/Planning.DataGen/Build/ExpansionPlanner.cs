using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// The action plan's 13 expanded town schools: the fullest town schools (largest grade against
/// their classes) that may still grow within their role's track range get one or two more tracks
/// from 2021-spring or 2021-autumn.
/// </summary>
public static class ExpansionPlanner
{
    public const int ExpandedSchools = 13;

    public static void Apply(IReadOnlyList<School> townSchools, SeededRandom random)
    {
        var candidates = new List<(double Fill, School School, SchoolPart Part)>();
        foreach (var school in townSchools)
        {
            var best = Parts(school)
                .Where(p => PartTracks(school.Tracks[0], p) < TrackRanges.For(school.Role, p).Max)
                .Select(p => (Fill: Fill(school, p), Part: p))
                .OrderByDescending(x => x.Fill)
                .FirstOrDefault();
            if (best.Fill > 0)
            {
                candidates.Add((best.Fill, school, best.Part));
            }
        }

        var chosen = candidates.OrderByDescending(c => c.Fill).Take(ExpandedSchools).ToList();
        if (chosen.Count < ExpandedSchools)
        {
            throw new InvalidOperationException("not enough town schools can be expanded");
        }

        foreach (var (fill, school, part) in chosen)
        {
            var first = school.Tracks[0];
            var room = TrackRanges.For(school.Role, part).Max - PartTracks(first, part);
            var added = fill > 0.85 && room >= 2 ? 2 : 1;
            var from = random.Chance(0.5) ? Term.Spring(2021) : Term.Autumn(2021);
            school.Tracks.Add(part == SchoolPart.Primary
                ? first with { From = from, Primary = first.Primary + added }
                : first with { From = from, Junior = first.Junior + added });
            school.Kind = SchoolKind.Expanded;
        }
    }

    /// <summary>Largest grade of a part against its seats per grade (tracks × class limit), from the base enrolment.</summary>
    public static double Fill(School school, SchoolPart part)
    {
        var tracks = PartTracks(school.Tracks[0], part);
        var largest = SchoolStandards.GradeIndexes(part).Max(g => school.Enrolment[g]);
        return (double)largest / (tracks * SchoolStandards.MaxClassSize(part));
    }

    public static int PartTracks(TracksEntry entry, SchoolPart part) => part == SchoolPart.Primary ? entry.Primary : entry.Junior;

    public static IEnumerable<SchoolPart> Parts(School school) =>
        new[] { SchoolPart.Primary, SchoolPart.Junior }.Where(school.Teaches);
}
