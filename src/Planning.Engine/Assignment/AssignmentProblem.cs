using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>
/// One term's placement problem. Capacities are what is left after the pupils who stay put; going
/// beyond a capacity is allowed at <see cref="OverflowCost"/> per pupil, so every problem has a
/// solution and shortfalls can be reported instead of failing.
/// </summary>
/// <remarks>
/// Objective of an assignment, with L<sub>s,g</sub> and L<sub>s</sub> the pupils it places per
/// school-grade and per school:
/// Σ<sub>units</sub> pupils × <see cref="PupilCost"/>
/// + <see cref="OverflowCost"/> × (Σ<sub>s,g</sub> max(0, L<sub>s,g</sub> − <see cref="GradeCapacity"/>)
/// + Σ<sub>s</sub> max(0, L<sub>s</sub> − <see cref="TotalCapacity"/>) + pupils of units without candidates)
/// + <see cref="UnderFillCost"/> × Σ<sub>s</sub> max(0, <see cref="FillTarget"/> − L<sub>s</sub>).
/// </remarks>
internal sealed class AssignmentProblem
{
    public AssignmentProblem(int schoolCount, IReadOnlyList<DecisionUnit> units, long moveCost, long changeCost, long overflowCost, long underFillCost = 0)
    {
        SchoolCount = schoolCount;
        Units = units;
        MoveCost = moveCost;
        ChangeCost = changeCost;
        OverflowCost = overflowCost;
        UnderFillCost = underFillCost;
        GradeCapacity = new long[schoolCount * Grades.Count];
        TotalCapacity = new long[schoolCount];
        FillTarget = new long[schoolCount];
        // Built once, by the first of the threads beside each other that asks (the flow's and the seat
        // max flow's); the others wait for it instead of building it again.
        _schoolWalk = new Lazy<int[]>(Walk);
        _nearOrder = new Lazy<int[]>(() => [.. Enumerable.Range(0, Units.Count).OrderBy(u => Units[u].Candidates.Count == 0 ? -1 : SchoolWalk[Units[u].Candidates[0].School]).ThenBy(u => u)]);
    }

    public int SchoolCount { get; }

    /// <summary>Units to place. A unit with exactly one candidate is pinned: every phase leaves it there.</summary>
    public IReadOnlyList<DecisionUnit> Units { get; }

    public long MoveCost { get; }

    public long ChangeCost { get; }

    public long OverflowCost { get; }

    /// <summary>
    /// Cost per pupil that a school with a <see cref="FillTarget"/> receives fewer than its target
    /// (a soft lower bound on its load). 0, the default, leaves the targets without effect.
    /// </summary>
    public long UnderFillCost { get; }

    /// <summary>Seats left per school and grade, by <see cref="Slot"/>, ≥ 0.</summary>
    public long[] GradeCapacity { get; }

    /// <summary>Seats left per school under its size limit, ≥ 0.</summary>
    public long[] TotalCapacity { get; }

    /// <summary>
    /// Pupils each school should receive from this problem's units, all grades together (for a new
    /// or expanded school: the least share of its seats it should fill); 0 for no target. Each pupil
    /// short of it costs <see cref="UnderFillCost"/>. Pupils who stay put are not counted, so a
    /// caller subtracts them, as for the capacities.
    /// </summary>
    public long[] FillTarget { get; }

    /// <summary>
    /// Where <paramref name="school"/>'s <paramref name="grade"/> lies in the per-slot arrays: each
    /// school's <see cref="Grades.Count"/> grades together, schools in index order.
    /// </summary>
    public static int Slot(int school, int grade) => (school * Grades.Count) + grade - Grades.First;

    /// <summary><paramref name="school"/>'s first slot and the one after its last.</summary>
    public static (int First, int End) SlotsOf(int school) => (Slot(school, Grades.First), Slot(school + 1, Grades.First));

    /// <summary>The school of <paramref name="slot"/>.</summary>
    public static int SchoolOf(int slot) => slot / Grades.Count;

    /// <summary>The grade of <paramref name="slot"/>.</summary>
    public static int GradeOf(int slot) => (slot % Grades.Count) + Grades.First;

    /// <summary>
    /// The units by where their nearest candidate (candidates come nearest first) comes in
    /// <see cref="SchoolWalk"/>, then by index; units without candidates first. The flows and the local
    /// search lay the units out in memory in this order: the areas around one school, which compete for
    /// its seats and which a move or a push reads one after another, then lie together (in the first
    /// 100k term, with the schools in walk order too, the flow took 42 % and the local search 22-31 %
    /// less time than in input order, BENCHMARKS.md).
    /// </summary>
    public IReadOnlyList<int> NearOrder => _nearOrder.Value;

    /// <summary>
    /// Per school, its place in a breadth-first walk from school 0 (then from the lowest school not yet
    /// met), through each unit's nearest candidate to its others, in unit order: schools near each
    /// other come near each other. The split flow numbers its school and grade nodes so; with them in
    /// school order the first 100k term's flow took 9 % more time, the horizon's 24 % more (on
    /// another path, BENCHMARKS.md).
    /// </summary>
    public IReadOnlyList<int> SchoolWalk => _schoolWalk.Value;

    private readonly Lazy<int[]> _nearOrder;
    private readonly Lazy<int[]> _schoolWalk;

    private int[] Walk()
    {
        var next = Enumerable.Range(0, SchoolCount).Select(_ => new List<int>()).ToArray();
        foreach (var unit in Units)
        {
            for (var c = 1; c < unit.Candidates.Count; c++)
            {
                next[unit.Candidates[0].School].Add(unit.Candidates[c].School);
                next[unit.Candidates[c].School].Add(unit.Candidates[0].School);
            }
        }

        var place = Enumerable.Repeat(-1, SchoolCount).ToArray();
        var walk = new List<int>(SchoolCount);
        for (var start = 0; start < SchoolCount; start++)
        {
            if (place[start] >= 0)
            {
                continue;
            }

            place[start] = walk.Count;
            walk.Add(start);
            for (var at = walk.Count - 1; at < walk.Count; at++)
            {
                foreach (var school in next[walk[at]])
                {
                    if (place[school] < 0)
                    {
                        place[school] = walk.Count;
                        walk.Add(school);
                    }
                }
            }
        }

        return place;
    }

    /// <summary>The same schools, seats and fill targets with other <paramref name="units"/> and costs.</summary>
    public AssignmentProblem With(IReadOnlyList<DecisionUnit> units, long moveCost, long changeCost, long overflowCost, long underFillCost)
    {
        var other = new AssignmentProblem(SchoolCount, units, moveCost, changeCost, overflowCost, underFillCost);
        GradeCapacity.CopyTo(other.GradeCapacity, 0);
        TotalCapacity.CopyTo(other.TotalCapacity, 0);
        FillTarget.CopyTo(other.FillTarget, 0);
        return other;
    }

    /// <summary>Pupils of units without candidates: over a limit in every assignment.</summary>
    public long PupilsWithoutCandidates() => Units.Where(u => u.Candidates.Count == 0).Sum(u => (long)u.Pupils);

    /// <summary>Pupils beyond <paramref name="capacity"/>.</summary>
    public static long Over(long load, long capacity) => Math.Max(0, load - capacity);

    /// <summary>Pupils <paramref name="school"/> lacks to reach its fill target with <paramref name="load"/> pupils.</summary>
    public long UnderFill(int school, long load) => Math.Max(0, FillTarget[school] - load);

    /// <summary>Cost per pupil of <paramref name="item"/> at <paramref name="candidate"/>.</summary>
    public long PupilCost(DemandItem item, Candidate candidate) =>
        candidate.DistanceMetres
        + (candidate.IsCurrentCatchment ? 0 : ChangeCost)
        + (IsMove(item, candidate) ? MoveCost : 0);

    /// <summary>True when <paramref name="item"/>'s pupils leave the school they are at.</summary>
    public static bool IsMove(DemandItem item, Candidate candidate) => item.Origin >= 0 && item.Origin != candidate.School;

    /// <summary>Cost of sending the whole unit to <paramref name="candidate"/>, overflow aside.</summary>
    public long UnitCost(DecisionUnit unit, Candidate candidate)
    {
        long cost = 0;
        foreach (var item in unit.Items)
        {
            cost += item.Count * PupilCost(item, candidate);
        }

        return cost;
    }
}
