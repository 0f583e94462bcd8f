using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>One area at one level: its pupils to place and the schools it may go to.</summary>
/// <param name="Area">Area index.</param>
/// <param name="Part">Primary (grades 1–6) or junior (grades 7–9).</param>
/// <param name="Items">Pupils to place, every item of <paramref name="Part"/>'s grades.</param>
/// <param name="Candidates">Schools it may go to, nearest first; empty when no school teaches the level.</param>
internal sealed record DecisionUnit(int Area, SchoolPart Part, IReadOnlyList<DemandItem> Items, IReadOnlyList<Candidate> Candidates)
{
    public int Pupils { get; } = Items.Sum(i => i.Count);
}
