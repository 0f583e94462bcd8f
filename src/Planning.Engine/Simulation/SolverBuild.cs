using System.Reflection;

namespace Planning.Engine.Simulation;

/// <summary>
/// The build of the engine that computes here: its version and the source revision it was built from
/// (the assembly's informational version, which the .NET SDK takes from git), e.g.
/// "Planning.Engine 1.0.0+a245604…". The solver's limits are counted in work, never in time, so the
/// same input and the same build give the same plan on any machine and under any load; a stored run
/// records the build that computed its results, so two runs of the same input that differ can be told
/// apart by it.
/// </summary>
public static class SolverBuild
{
    public static string Name { get; } =
        $"Planning.Engine {typeof(SolverBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"}";
}
