using System.Reflection;

namespace Planning.Engine.Simulation;

/// <summary>
/// The build of the engine that computes here, for a stored run to name: the same input gives the same
/// plan on the same build (<see cref="Inputs.SolverOptions"/>). "Planning.Engine 1.0.0+&lt;git commit&gt;":
/// the assembly's informational version, to which the .NET SDK adds the commit it was built from (not
/// whether the work tree had changes). Built without git, the version has no commit, and the compiled
/// module's id (which a deterministic build takes from the code) stands in for it.
/// </summary>
public static class SolverBuild
{
    public static string Name { get; } = Of(typeof(SolverBuild).Assembly);

    internal static string Of(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0";
        return $"{assembly.GetName().Name} {(version.Contains('+') ? version : $"{version}+module.{assembly.ManifestModule.ModuleVersionId:N}")}";
    }
}
