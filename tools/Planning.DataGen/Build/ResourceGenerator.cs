using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// Resources behind the seven indicators, per school part. Buildings and grounds are sized to the
/// seats (tracks × class limit), staff and equipment to the pupils but never past the seats, so a
/// school over its seats falls short per student — the overcrowded old-town schools fail the space
/// indicators (their sites are tight: sports ground at 90–106 % of the standard for the seats).
/// New schools are built to the standard with room to spare. Some town schools lack equipment or
/// PE/art teachers; the plan's additions (2021-autumn or 2022-autumn) bring them up to standard.
/// </summary>
public sealed class ResourceGenerator(SeededRandom random)
{
    private const double EquipmentShortShare = 0.2;
    private const double PeArtShortShare = 0.14;

    /// <summary>Ranges of (value / threshold at the basis) for one kind of school.</summary>
    private sealed record Profile(
        (double, double) Degree,
        (double, double) Backbone,
        (double, double) PeArt,
        (double, double) Floor,
        (double, double) Sports,
        (double, double) Equipment,
        (double, double) Multimedia);

    private static readonly Profile OldTown = new((1.05, 1.3), (1.1, 1.6), (1.05, 1.4), (0.98, 1.15), (0.9, 1.06), (1.03, 1.35), (1.08, 1.5));
    private static readonly Profile NewBuild = new((1.1, 1.35), (1.05, 1.4), (1.1, 1.4), (1.15, 1.45), (1.1, 1.4), (1.15, 1.5), (1.2, 1.6));
    private static readonly Profile Town = new((1.02, 1.25), (1.02, 1.5), (1.05, 1.4), (1.1, 1.6), (1.15, 1.9), (1.02, 1.3), (1.05, 1.4));

    public void Apply(IReadOnlyList<School> schools)
    {
        foreach (var school in schools)
        {
            foreach (var part in ExpansionPlanner.Parts(school))
            {
                school.Resources.AddRange(Timeline(school, part));
            }
        }
    }

    private List<ResourceEntry> Timeline(School school, SchoolPart part)
    {
        var thresholds = SchoolStandards.Thresholds(part);
        var seats = SchoolStandards.Seats(part, ExpansionPlanner.PartTracks(school.Tracks[0], part));
        var enrolment = school.PartEnrolment(part);
        var basis = school.Kind == SchoolKind.New ? seats : Math.Clamp(enrolment, (int)(0.45 * seats), seats);
        var profile = school.Kind == SchoolKind.New ? NewBuild : school.IsUrban ? OldTown : Town;
        var equipmentShort = !school.IsUrban && random.Chance(EquipmentShortShare);
        var peArtShort = !school.IsUrban && random.Chance(PeArtShortShare);

        var current = new ResourceEntry(
            part,
            school.Opening,
            PerHundred(basis, thresholds[0], Draw(profile.Degree)),
            PerHundred(basis, thresholds[1], Draw(profile.Backbone)),
            peArtShort ? (int)Math.Floor(basis / 100.0 * thresholds[2] * random.Range(0.5, 0.85)) : PerHundred(basis, thresholds[2], Draw(profile.PeArt)),
            (int)Math.Round(seats * thresholds[3] * Draw(profile.Floor)),
            (int)Math.Round(seats * thresholds[4] * Draw(profile.Sports)),
            Equipment(basis, thresholds[5], equipmentShort ? random.Range(0.7, 0.93) : Draw(profile.Equipment)),
            PerHundred(basis, thresholds[6], Draw(profile.Multimedia)));

        var changes = new SortedDictionary<Term, List<Func<ResourceEntry, ResourceEntry>>>();
        void Schedule(Term term, Func<ResourceEntry, ResourceEntry> change)
        {
            if (!changes.TryGetValue(term, out var list))
            {
                list = [];
                changes[term] = list;
            }

            list.Add(change);
        }

        if (school.Tracks.Count > 1 && ExpansionPlanner.PartTracks(school.Tracks[1], part) > ExpansionPlanner.PartTracks(school.Tracks[0], part))
        {
            var grown = (double)SchoolStandards.Seats(part, ExpansionPlanner.PartTracks(school.Tracks[1], part)) / seats;
            var builtFactor = grown * random.Range(1.0, 1.1);
            var staffFactor = 1 + (0.5 * (grown - 1));
            Schedule(school.Tracks[1].From, r => r with
            {
                TeachersDegree = (int)Math.Ceiling(r.TeachersDegree * staffFactor),
                TeachersBackbone = (int)Math.Ceiling(r.TeachersBackbone * staffFactor),
                TeachersPeArt = (int)Math.Ceiling(r.TeachersPeArt * staffFactor),
                FloorAreaM2 = (int)Math.Round(r.FloorAreaM2 * builtFactor),
                SportsAreaM2 = (int)Math.Round(r.SportsAreaM2 * builtFactor),
                MultimediaRooms = (int)Math.Ceiling(r.MultimediaRooms * builtFactor),
            });
        }

        if (equipmentShort)
        {
            var equipment = Equipment(basis, thresholds[5], random.Range(1.05, 1.2));
            Schedule(AdditionTerm(), r => r with { EquipmentValueYuan = Math.Max(r.EquipmentValueYuan, equipment) });
        }

        if (peArtShort)
        {
            var teachers = PerHundred(basis, thresholds[2], random.Range(1.1, 1.3));
            Schedule(AdditionTerm(), r => r with { TeachersPeArt = Math.Max(r.TeachersPeArt, teachers) });
        }

        var entries = new List<ResourceEntry> { current };
        foreach (var (term, list) in changes)
        {
            current = list.Aggregate(current with { From = term }, (entry, change) => change(entry));
            entries.Add(current);
        }

        return entries;
    }

    private Term AdditionTerm() => random.Chance(0.55) ? Term.Autumn(2021) : Term.Autumn(2022);

    private double Draw((double Min, double Max) range) => random.Range(range.Min, range.Max);

    private static int PerHundred(int basis, double threshold, double factor) =>
        (int)Math.Ceiling(basis / 100.0 * threshold * factor);

    private static long Equipment(int basis, double threshold, double factor) =>
        (long)Math.Ceiling(basis * threshold * factor / 1000.0) * 1000;
}
