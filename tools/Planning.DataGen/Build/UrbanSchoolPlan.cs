using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>One urban school of the plan: level, opening term and tracks (primary, junior).</summary>
public sealed record PlannedSchool(SchoolLevel Level, SchoolKind Kind, Term Opening, int PrimaryTracks, int JuniorTracks);

/// <summary>
/// The urban schools: the existing ones of the old town, and the action plan's 12 new schools
/// for new compounds — 2 already in use (opened 2019-autumn), 3 opening 2020-autumn, 7 completed
/// by the end of 2020 and opening 2021-spring. Track counts are chosen so that the old town is
/// overcrowded in the base term and the urban area has room to spare once all 12 are open.
/// </summary>
public static class UrbanSchoolPlan
{
    public static readonly int[] ExistingPrimaryTracks = [8, 8, 7, 7, 6, 6, 5, 4];

    public static readonly int[] ExistingJuniorTracks = [14, 12, 10, 8];

    public static readonly IReadOnlyList<PlannedSchool> NewSchools =
    [
        new(SchoolLevel.Primary, SchoolKind.New, Term.Autumn(2019), 6, 0),
        new(SchoolLevel.NineYear, SchoolKind.New, Term.Autumn(2019), 4, 4),
        new(SchoolLevel.Primary, SchoolKind.New, Term.Autumn(2020), 6, 0),
        new(SchoolLevel.Primary, SchoolKind.New, Term.Autumn(2020), 5, 0),
        new(SchoolLevel.Junior, SchoolKind.New, Term.Autumn(2020), 0, 10),
        new(SchoolLevel.Primary, SchoolKind.New, Term.Spring(2021), 6, 0),
        new(SchoolLevel.Primary, SchoolKind.New, Term.Spring(2021), 6, 0),
        new(SchoolLevel.Primary, SchoolKind.New, Term.Spring(2021), 4, 0),
        new(SchoolLevel.Junior, SchoolKind.New, Term.Spring(2021), 0, 8),
        new(SchoolLevel.Junior, SchoolKind.New, Term.Spring(2021), 0, 6),
        new(SchoolLevel.NineYear, SchoolKind.New, Term.Spring(2021), 4, 4),
        new(SchoolLevel.NineYear, SchoolKind.New, Term.Spring(2021), 4, 6),
    ];

    /// <summary>The term when all 12 new schools are open.</summary>
    public static readonly Term AllNewSchoolsOpen = Term.Spring(2021);
}
