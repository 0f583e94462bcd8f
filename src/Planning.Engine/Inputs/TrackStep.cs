using Planning.Engine.Terms;

namespace Planning.Engine.Inputs;

/// <summary>
/// A school's tracks (parallel classes per grade) from a term on, until the next step. An N-track
/// school has N classes in each of its grades (DOMAIN.md).
/// </summary>
/// <param name="From">First term with these tracks.</param>
/// <param name="PrimaryTracks">Classes per grade in grades 1–6; 0 when the school teaches none of them.</param>
/// <param name="JuniorTracks">Classes per grade in grades 7–9; 0 when the school teaches none of them.</param>
public sealed record TrackStep(Term From, int PrimaryTracks, int JuniorTracks);
