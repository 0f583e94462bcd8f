using NetTopologySuite.Geometries;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Engine.WhatIf;

/// <summary>A school as it stands in the term asked about.</summary>
/// <param name="Code">School code.</param>
/// <param name="Level">Primary, junior or nine-year (decides its size limit).</param>
/// <param name="Location">The school gate.</param>
/// <param name="PrimaryTracks">Tracks in grades 1–6 in force that term.</param>
/// <param name="JuniorTracks">Tracks in grades 7–9 in force that term.</param>
public sealed record WhatIfSchool(string Code, SchoolLevel Level, GeoPoint Location, int PrimaryTracks, int JuniorTracks)
{
    /// <summary>Tracks of <paramref name="part"/>; a school teaches a level when it has tracks for it.</summary>
    public int Tracks(SchoolPart part) => part == SchoolPart.Primary ? PrimaryTracks : JuniorTracks;
}

/// <summary>An area of the run.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Point">Where distances are measured from.</param>
/// <param name="Boundary">Its polygon (for the school sites), or null.</param>
public sealed record WhatIfArea(string Code, GeoPoint Point, Geometry? Boundary);

/// <summary>A planner's move: the area's pupils of a level, and its catchment, go to a school.</summary>
/// <param name="AreaCode">The area.</param>
/// <param name="Part">The level; null takes the school's only level (required for a nine-year school).</param>
/// <param name="SchoolCode">The school it goes to; it must teach the level in the term.</param>
public sealed record WhatIfMove(string AreaCode, SchoolPart? Part, string SchoolCode);
