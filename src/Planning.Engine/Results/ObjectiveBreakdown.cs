namespace Planning.Engine.Results;

/// <summary>One row of an objective's breakdown, in metres-equivalent (costs) and pupils.</summary>
/// <param name="TravelPupilMetres">Σ pupils × distance to their school (the travel part of the objective).</param>
/// <param name="MovedPupils">Pupils placed away from the school they were at.</param>
/// <param name="MoveCost">MovedPupils × move cost.</param>
/// <param name="ChangedPupils">Pupils placed at a school that is not their area's catchment school of last term.</param>
/// <param name="ChangeCost">ChangedPupils × catchment-change cost.</param>
/// <param name="OverflowPupils">Pupils beyond a grade's or a school's seats, and pupils no school can take.</param>
/// <param name="OverflowCost">OverflowPupils × overflow cost.</param>
/// <param name="UnderFillPupils">Pupils that schools with a fill target lack to reach it.</param>
/// <param name="UnderFillCost">UnderFillPupils × under-fill cost.</param>
public sealed record ObjectiveTerms(
    long TravelPupilMetres,
    long MovedPupils,
    long MoveCost,
    long ChangedPupils,
    long ChangeCost,
    long OverflowPupils,
    long OverflowCost,
    long UnderFillPupils,
    long UnderFillCost)
{
    public static ObjectiveTerms Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>TravelPupilMetres + MoveCost + ChangeCost + OverflowCost + UnderFillCost.</summary>
    public long Total => TravelPupilMetres + MoveCost + ChangeCost + OverflowCost + UnderFillCost;

    public static ObjectiveTerms operator +(ObjectiveTerms a, ObjectiveTerms b) => new(
        a.TravelPupilMetres + b.TravelPupilMetres,
        a.MovedPupils + b.MovedPupils,
        a.MoveCost + b.MoveCost,
        a.ChangedPupils + b.ChangedPupils,
        a.ChangeCost + b.ChangeCost,
        a.OverflowPupils + b.OverflowPupils,
        a.OverflowCost + b.OverflowCost,
        a.UnderFillPupils + b.UnderFillPupils,
        a.UnderFillCost + b.UnderFillCost);
}

/// <summary>
/// A term's objective split by level: <see cref="Primary"/> (grades 1–6) and <see cref="Junior"/>
/// (grades 7–9) carry travel, moves, catchment changes and grade overflow of their pupils;
/// <see cref="WholeSchool"/> carries what belongs to a school as a whole, not to a level: pupils over
/// its size limit (a nine-year school's limit covers both levels) and under-fill. The three rows add
/// up to the objective: <see cref="Total"/> = <see cref="SolveStats.Objective"/>.
/// </summary>
public sealed record ObjectiveBreakdown(ObjectiveTerms Primary, ObjectiveTerms Junior, ObjectiveTerms WholeSchool)
{
    public static ObjectiveBreakdown Zero { get; } = new(ObjectiveTerms.Zero, ObjectiveTerms.Zero, ObjectiveTerms.Zero);

    /// <summary>Sum of the three rows.</summary>
    public ObjectiveTerms All => Primary + Junior + WholeSchool;

    /// <summary>The objective.</summary>
    public long Total => All.Total;
}
