using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.WhatIf;

/// <summary>The consequences of a set of moves in one term of a run, nothing stored.</summary>
/// <param name="Term">The term.</param>
/// <param name="Schools">Every school that loses or gains pupils or areas, in school-code order.</param>
/// <param name="Areas">Each move as it lands: one row per area and level.</param>
/// <param name="Catchments">Each catchment that changed, with its pieces before and after.</param>
/// <param name="PupilsMoved">Pupils who would be at another school than in the run.</param>
/// <param name="DistanceBefore">The term's travel (all grades, pupils of known area) in the run.</param>
/// <param name="DistanceAfter">The same with the moves.</param>
/// <param name="AdjacencyKnown">False for a run without the areas' adjacency: the pieces are then not counted (0).</param>
public sealed record WhatIfResult(
    Term Term,
    IReadOnlyList<WhatIfSchoolChange> Schools,
    IReadOnlyList<WhatIfAreaChange> Areas,
    IReadOnlyList<WhatIfCatchmentChange> Catchments,
    int PupilsMoved,
    DistanceStats DistanceBefore,
    DistanceStats DistanceAfter,
    bool AdjacencyKnown);

/// <summary>One affected school, before (as the run left it) and after the moves.</summary>
/// <param name="Before">Enrolment, classes and seats per grade in the run.</param>
/// <param name="After">The same with the moves.</param>
/// <param name="ViolationsBefore">Size and class limits broken in the run.</param>
/// <param name="ViolationsAfter">Size and class limits broken with the moves.</param>
public sealed record WhatIfSchoolChange(
    SchoolTermResult Before, SchoolTermResult After, IReadOnlyList<Violation> ViolationsBefore, IReadOnlyList<Violation> ViolationsAfter)
{
    public string SchoolCode => After.SchoolCode;
}

/// <summary>One moved area at one level.</summary>
/// <param name="AreaCode">The area.</param>
/// <param name="Part">The level moved.</param>
/// <param name="FromSchool">Its catchment school in the run, or null when it had none.</param>
/// <param name="ToSchool">The school it goes to.</param>
/// <param name="Pupils">Its pupils of the level in the term.</param>
/// <param name="PupilsMoved">Those of them who change school.</param>
/// <param name="DistanceBeforeMetres">Mean distance of its pupils to their schools in the run (to the catchment school when it has no pupils).</param>
/// <param name="DistanceAfterMetres">Distance to the new school.</param>
public sealed record WhatIfAreaChange(
    string AreaCode, SchoolPart Part, string? FromSchool, string ToSchool, int Pupils, int PupilsMoved, double DistanceBeforeMetres, double DistanceAfterMetres);

/// <summary>A catchment that gains or loses areas.</summary>
/// <param name="SchoolCode">The school.</param>
/// <param name="Part">The level.</param>
/// <param name="AreasBefore">Its areas in the run.</param>
/// <param name="AreasAfter">Its areas with the moves.</param>
/// <param name="PartsBefore">Its pieces in the run (1 = contiguous; the school's site counts as inside; 0 when empty or the adjacency is unknown).</param>
/// <param name="PartsAfter">Its pieces with the moves.</param>
/// <param name="EnclavesAfter">The pieces cut off from the main one with the moves, each a list of area codes.</param>
public sealed record WhatIfCatchmentChange(
    string SchoolCode, SchoolPart Part, int AreasBefore, int AreasAfter, int PartsBefore, int PartsAfter, IReadOnlyList<IReadOnlyList<string>> EnclavesAfter)
{
    /// <summary>True when the catchment is in one piece with the moves (or empty).</summary>
    public bool Contiguous => PartsAfter <= 1;
}
