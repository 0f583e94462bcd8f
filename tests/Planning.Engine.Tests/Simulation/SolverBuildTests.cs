using System.Reflection;
using System.Reflection.Emit;
using Planning.Engine.Simulation;

namespace Planning.Engine.Tests.Simulation;

/// <summary>The name a stored run gives the engine build that computed it (issue 17).</summary>
public class SolverBuildTests
{
    [Fact]
    public void Name_ThisBuild_TheEngineAssemblyAndItsInformationalVersion()
    {
        var version = typeof(SolverBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        // With or without git: the commit the SDK adds, or the module's id after the version.
        Assert.StartsWith($"Planning.Engine {version}", SolverBuild.Name, StringComparison.Ordinal);
        Assert.Contains('+', SolverBuild.Name);
    }

    [Fact]
    public void Of_VersionWithACommit_KeepsIt()
    {
        var built = Assembly("2.3.4+0123456789abcdef0123456789abcdef01234567");

        Assert.Equal("Probe 2.3.4+0123456789abcdef0123456789abcdef01234567", SolverBuild.Of(built));
    }

    [Fact]
    public void Of_VersionWithoutACommit_NamesTheCompiledModuleInstead()
    {
        var first = Assembly("2.3.4");
        var second = Assembly("2.3.4");

        Assert.Equal($"Probe 2.3.4+module.{first.ManifestModule.ModuleVersionId:N}", SolverBuild.Of(first));
        // Two different builds of the same version are told apart.
        Assert.NotEqual(SolverBuild.Of(first), SolverBuild.Of(second));
    }

    private static Assembly Assembly(string informationalVersion)
    {
        var attribute = new CustomAttributeBuilder(
            typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!, [informationalVersion]);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Probe"), AssemblyBuilderAccess.Run, [attribute]);
        assembly.DefineDynamicModule("Probe");
        return assembly;
    }
}
