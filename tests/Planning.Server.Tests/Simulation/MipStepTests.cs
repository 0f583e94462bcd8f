using System.Globalization;
using Planning.Engine.Inputs;
using Planning.V1;

namespace Planning.Server.Tests.Simulation;

/// <summary>
/// The solver's MIP step through a server with the production default of Limits:MipNodes (the other
/// test servers turn it off, PlanningServer.TestDefaults): a reassigning Baodi term, one part of
/// about 2,000 area-levels, is left above the 0.1 % gap by CP-SAT and the cost rounds, so SCIP runs.
/// </summary>
public sealed class MipStepTests(MipStepTests.Production fixture) : IClassFixture<MipStepTests.Production>
{
    public sealed class Production() : BaodiServer(new()
    {
        ["Limits:MipNodes"] = SolverOptions.Default.MipNodes.ToString(CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task RunSimulation_ReassigningBaodiTerm_SolvedByTheMipWithinTheGoalGap()
    {
        var calls = new RunCalls(fixture.Server.CreateChannel());
        var scenario = await calls.ScenarioAsync("2020-autumn", "一学期");

        var (_, run) = await calls.RunAsync(new RunSimulationRequest { ScenarioId = scenario });

        var term = Assert.Single(run.Summaries);
        Assert.Equal("mip", term.Solve.Method);
        Assert.Equal("SCIP search bound (at least the LP's)", term.Solve.BoundMethod);
        Assert.InRange(term.Solve.LowerBound, 1, term.Solve.Objective);
        // Issue 17's goal: within 0.5 % of the bound (the benchmark's baodi-reassign with CP-SAT at
        // 5 deterministic s, as here: 0.14 % in 2020-autumn, 0.48 % without the MIP step).
        Assert.InRange(term.OptimalityGap, 0, 0.005);
    }
}
