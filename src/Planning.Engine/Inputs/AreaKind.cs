namespace Planning.Engine.Inputs;

/// <summary>What a residential area is.</summary>
public enum AreaKind
{
    /// <summary>An urban residential compound (小区).</summary>
    Compound,

    /// <summary>A village (村).</summary>
    Village,
}
