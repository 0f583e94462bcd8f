using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>
/// The school an area is assigned to at one level in one term: its catchment. Whole areas have one
/// row per level with share 1; an area split between schools (only when allowed) has a row per school.
/// </summary>
/// <param name="AreaCode">Area code.</param>
/// <param name="Part">Primary (grades 1–6) or junior (grades 7–9).</param>
/// <param name="SchoolCode">The school.</param>
/// <param name="Share">Share of the pupils placed this term that went to this school (1 for a whole area).</param>
/// <param name="DistanceMetres">Great-circle distance from the area's point to the school.</param>
public sealed record AreaAssignment(string AreaCode, SchoolPart Part, string SchoolCode, double Share, double DistanceMetres);
