using NetTopologySuite.Geometries;
using Planning.DataGen.Core;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Model;

public enum SchoolKind
{
    Existing,
    New,
    Expanded,
}

/// <summary>What a school is in the town/urban structure; drives its track range and its name.</summary>
public enum SchoolRole
{
    UrbanPrimary,
    UrbanJunior,
    UrbanNineYear,
    TownCentralPrimary,
    VillagePrimary,
    TownJunior,
    TownNineYear,
}

public sealed record TracksEntry(Term From, int Primary, int Junior);

public sealed record ResourceEntry(
    SchoolPart Part,
    Term From,
    int TeachersDegree,
    int TeachersBackbone,
    int TeachersPeArt,
    int FloorAreaM2,
    int SportsAreaM2,
    long EquipmentValueYuan,
    int MultimediaRooms);

public sealed class School(SchoolLevel level, SchoolKind kind, SchoolRole role, AdminArea adminArea, Coordinate location)
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public SchoolLevel Level { get; } = level;

    public SchoolKind Kind { get; set; } = kind;

    public SchoolRole Role { get; } = role;

    public AdminArea AdminArea { get; } = adminArea;

    public Coordinate Location { get; } = location;

    public bool IsUrban => AdminArea.Kind == AdminKind.Street;

    public List<TracksEntry> Tracks { get; } = [];

    public List<ResourceEntry> Resources { get; } = [];

    /// <summary>Students in grades 1–9 in the base term.</summary>
    public int[] Enrolment { get; } = new int[9];

    public Term Opening => Tracks[0].From;

    public bool TeachesPrimary => Level != SchoolLevel.Junior;

    public bool TeachesJunior => Level != SchoolLevel.Primary;

    public bool Teaches(SchoolPart part) => part == SchoolPart.Primary ? TeachesPrimary : TeachesJunior;

    /// <summary>The tracks in force in a term (the last entry whose <c>from</c> is not later).</summary>
    public TracksEntry TracksIn(Term term) => Tracks.Last(t => t.From <= term);

    public int PartEnrolment(SchoolPart part) =>
        Grades.SumOf(Enrolment, part);
}
