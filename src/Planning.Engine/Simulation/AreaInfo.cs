using Planning.Engine.Inputs;

namespace Planning.Engine.Simulation;

/// <summary>
/// An area as the run indexes it. Besides the input's areas there is one stand-in area per school
/// for base pupils whose area is unknown; it lies at the school and has no residents.
/// </summary>
/// <param name="Source">The input area, or null for a stand-in.</param>
/// <param name="Point">Where distances are measured from.</param>
/// <param name="BaseSchools">School index serving grades 1–6 and 7–9 in the first term, −1 when none.</param>
internal sealed record AreaInfo(ResidentialArea? Source, GeoPoint Point, int[] BaseSchools)
{
    public string? Code => Source?.Code;
}
