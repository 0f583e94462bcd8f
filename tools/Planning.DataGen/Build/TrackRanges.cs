using Planning.DataGen.Model;
using Planning.Engine.Rules;

namespace Planning.DataGen.Build;

/// <summary>Tracks (parallel classes per grade) that a school of each role may have.</summary>
public static class TrackRanges
{
    public static (int Min, int Max) For(SchoolRole role, SchoolPart part) => (role, part) switch
    {
        (SchoolRole.UrbanPrimary, _) => (4, 8),
        (SchoolRole.UrbanJunior, _) => (6, 14),
        (SchoolRole.UrbanNineYear, SchoolPart.Primary) => (4, 6),
        (SchoolRole.UrbanNineYear, SchoolPart.Junior) => (4, 6),
        (SchoolRole.TownCentralPrimary, _) => (2, 4),
        (SchoolRole.VillagePrimary, _) => (1, 2),
        (SchoolRole.TownJunior, _) => (3, 8),
        (SchoolRole.TownNineYear, SchoolPart.Primary) => (1, 3),
        (SchoolRole.TownNineYear, SchoolPart.Junior) => (2, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Seats of a part at the largest track count its role allows.</summary>
    public static int MaxSeats(School school, SchoolPart part) => SchoolStandards.Seats(part, For(school.Role, part).Max);

    /// <summary>Fewest tracks (within the role's range) that keep every grade's classes a little under the limit.</summary>
    public static int Needed(School school, SchoolPart part, int largestGrade)
    {
        var (min, max) = For(school.Role, part);
        var needed = (int)Math.Ceiling(largestGrade / (SchoolStandards.MaxClassSize(part) * 0.95));
        return Math.Clamp(needed, min, max);
    }
}
