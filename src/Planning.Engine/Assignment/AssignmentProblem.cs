namespace Planning.Engine.Assignment;

/// <summary>
/// One term's placement problem. Capacities are what is left after the pupils who stay put; going
/// beyond a capacity is allowed at <see cref="OverflowCost"/> per pupil, so every problem has a
/// solution and shortfalls can be reported instead of failing.
/// </summary>
internal sealed class AssignmentProblem
{
    public AssignmentProblem(int schoolCount, IReadOnlyList<DecisionUnit> units, long moveCost, long changeCost, long overflowCost)
    {
        SchoolCount = schoolCount;
        Units = units;
        MoveCost = moveCost;
        ChangeCost = changeCost;
        OverflowCost = overflowCost;
        GradeCapacity = new long[schoolCount * 9];
        TotalCapacity = new long[schoolCount];
    }

    public int SchoolCount { get; }

    public IReadOnlyList<DecisionUnit> Units { get; }

    public long MoveCost { get; }

    public long ChangeCost { get; }

    public long OverflowCost { get; }

    /// <summary>Seats left per school and grade, index <c>school * 9 + grade − 1</c>, ≥ 0.</summary>
    public long[] GradeCapacity { get; }

    /// <summary>Seats left per school under its size limit, ≥ 0.</summary>
    public long[] TotalCapacity { get; }

    public static int Slot(int school, int grade) => school * 9 + grade - 1;

    /// <summary>Cost per pupil of <paramref name="item"/> at <paramref name="candidate"/>.</summary>
    public long PupilCost(DemandItem item, Candidate candidate) =>
        candidate.DistanceMetres
        + (candidate.IsCurrentCatchment ? 0 : ChangeCost)
        + (item.Origin >= 0 && item.Origin != candidate.School ? MoveCost : 0);

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
