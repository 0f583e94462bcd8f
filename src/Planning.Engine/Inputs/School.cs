using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Inputs;

/// <summary>A school as the simulation sees it.</summary>
/// <param name="Code">Unique school code.</param>
/// <param name="Level">Primary, junior or nine-year; decides the size limit.</param>
/// <param name="Location">The school gate.</param>
/// <param name="Tracks">Capacity steps in ascending order of <see cref="TrackStep.From"/>; the first step's term is the opening term.</param>
/// <param name="BaseEnrolment">Students in grades 1–9 in the first simulated term (index = grade − 1).</param>
/// <param name="ClosedFrom">First term in which the school no longer teaches; null while it stays open.</param>
public sealed record School(
    string Code,
    SchoolLevel Level,
    GeoPoint Location,
    IReadOnlyList<TrackStep> Tracks,
    IReadOnlyList<int> BaseEnrolment,
    Term? ClosedFrom = null)
{
    /// <summary>The term the school opens: the first capacity step.</summary>
    public Term Opening => Tracks[0].From;

    /// <summary>True when the school teaches in <paramref name="term"/>.</summary>
    public bool IsOpenIn(Term term) => term >= Opening && (ClosedFrom is not { } closed || term < closed);

    /// <summary>Tracks of <paramref name="part"/> in <paramref name="term"/>; 0 when closed or not yet open.</summary>
    public int TracksIn(Term term, SchoolPart part)
    {
        if (!IsOpenIn(term))
        {
            return 0;
        }

        var step = Tracks.Last(s => s.From <= term);
        return part == SchoolPart.Primary ? step.PrimaryTracks : step.JuniorTracks;
    }
}
