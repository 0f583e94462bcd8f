namespace Planning.Engine.Simulation;

/// <summary>Whether catchments are re-optimised.</summary>
public enum RunMode
{
    /// <summary>Each term the optimal assignment is sought (the "after" run).</summary>
    Redistribute,

    /// <summary>
    /// No redistribution (the "before" run): every area keeps the school that served it in the first
    /// term, new schools get nobody; areas without such a school, or whose school closed, go to the
    /// nearest school teaching the level.
    /// </summary>
    KeepCurrent,
}
