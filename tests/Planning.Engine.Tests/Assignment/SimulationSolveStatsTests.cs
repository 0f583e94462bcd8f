using Planning.Engine.Inputs;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Assignment;

/// <summary>The solve statistics a simulation hands on: breakdown by level, bound and overflow proof.</summary>
public class SimulationSolveStatsTests
{
    // A nine-year school 1 km east with 1 primary and 1 junior track, a junior school 4 km east with 2
    // tracks; two areas with primary and junior pupils, the second with more grade-7 pupils than one
    // junior track holds (50), so the junior level has real choices.
    private static SimulationInput District() => Input(
        [NineYear("N", 1000, primaryTracks: 1, juniorTracks: 1), Junior("J", 4000, tracks: 2)],
        [NewArea("a", 0, Grades((1, 30), (7, 40))), NewArea("b", 2000, Grades((2, 20), (7, 35)))],
        OneTerm());

    [Fact]
    public void Run_TwoLevels_BreakdownAddsUpPerLevelToTheObjective()
    {
        var solve = Simulator.Run(District()).Terms[0].Solve;

        var parts = solve.Breakdown;
        Assert.Equal(solve.Objective, parts.Total);
        Assert.Equal(parts.Total, parts.Primary.Total + parts.Junior.Total + parts.WholeSchool.Total);
        Assert.True(parts.Primary.TravelPupilMetres > 0);
        Assert.True(parts.Junior.TravelPupilMetres > 0);
        Assert.Equal(0, solve.OverflowPupils);
        Assert.True(solve.MinimumOverflowProven);
        Assert.InRange(solve.LowerBound, solve.SplitFlowBound, solve.Objective);
        Assert.Equal(1, solve.Components);
    }

    [Fact]
    public void Run_SameInputTwice_SameStatsButTheSeconds()
    {
        var first = Simulator.Run(District()).Terms[0].Solve;
        var second = Simulator.Run(District()).Terms[0].Solve;

        Assert.Equal(first with { Seconds = 0, BoundSeconds = 0 }, second with { Seconds = 0, BoundSeconds = 0 });
    }
}
