namespace Planning.Engine.Simulation;

/// <summary>Pupils counted while a term is simulated.</summary>
internal sealed class TermCounts
{
    public int Intake { get; set; }

    public int Arrivals { get; set; }

    public int Leavers { get; set; }

    public int Moved { get; set; }
}
