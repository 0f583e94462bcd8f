using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

public class SimulatorTests
{
    private static SimulationInput ElevenTerms() => Input(
        [Primary("P", 0, 2, Grades((1, 30))), Junior("J", 800, 2)],
        [new ResidentialArea("a", AreaKind.Village, East(100), 3000, BaseStudents: Grades((1, 30)), PrimarySchool: "P", JuniorSchool: "J")],
        SimulationParameters.Default);

    [Fact]
    public void Run_DefaultHorizon_SimulatesElevenTermsInOrder()
    {
        var result = Simulator.Run(ElevenTerms());

        Assert.Equal(11, result.Terms.Count);
        Assert.Equal("2020-autumn", result.Terms[0].Term.ToString());
        Assert.Equal("2025-autumn", result.Terms[^1].Term.ToString());
    }

    [Fact]
    public void Run_WithProgress_ReportsEveryTermThenFinished()
    {
        var reports = new List<SimulationProgress>();

        Simulator.Run(ElevenTerms(), progress: new SynchronousProgress(reports.Add));

        Assert.Equal(12, reports.Count);
        Assert.Equal(Enumerable.Range(0, 11), reports.Take(11).Select(r => r.TermIndex));
        Assert.Equal(100, reports[^1].Percent);
        Assert.True(reports.Select(r => r.Percent).SequenceEqual(reports.Select(r => r.Percent).Order()));
    }

    [Fact]
    public void Run_CancelledDuringRun_ThrowsAndReturnsNothing()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.TermIndex == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => Simulator.Run(ElevenTerms(), progress: progress, cancellation: cancellation.Token));
    }

    [Fact]
    public void Run_InvalidInput_ListsEveryProblem()
    {
        var input = ElevenTerms() with
        {
            Schools = [Primary("P", 0, 2), Primary("P", 10, 1)],
            Areas = [new ResidentialArea("a", AreaKind.Village, East(0), -5, PrimarySchool: "missing")],
        };

        var error = Assert.Throws<InvalidInputException>(() => Simulator.Run(input));

        Assert.Equal(
            ["residential_areas[a].population", "residential_areas[a].school_primary", "schools[P].code"],
            error.Problems.Select(p => p.Field).Order());
    }

    public static TheoryData<string> BadSolverOptions() => ["rounds -1", "round areas -1", "largest part -1", "round s 0", "round s NaN", "round s ∞", "overflow s 0", "overflow s NaN", "MIP nodes -1", "MIP part -1", "time 0", "time NaN", "time ∞", "gap -0.1", "gap NaN", "gap ∞", "region pupils -1", "region pupils min", "chain work -1", "school MIP areas -1", "workers 0"];

    [Theory]
    [MemberData(nameof(BadSolverOptions))]
    public void Run_SolverWorkLimitOutOfRange_RefusedNamingTheSolver(string bad)
    {
        var d = SolverOptions.Default;
        var solver = bad switch
        {
            "rounds -1" => d with { CostRounds = -1 },
            "round areas -1" => d with { CostRoundAreas = -1 },
            "largest part -1" => d with { MaxCostRoundAreas = -1 },
            "round s 0" => d with { CostRoundSeconds = 0 },
            "round s NaN" => d with { CostRoundSeconds = double.NaN },
            "round s ∞" => d with { CostRoundSeconds = double.PositiveInfinity },
            "overflow s 0" => d with { OverflowSeconds = 0 },
            "MIP nodes -1" => d with { MipNodes = -1 },
            "MIP part -1" => d with { MaxMipAreas = -1 },
            "time 0" => d with { TimeLimitSeconds = 0 },
            "time NaN" => d with { TimeLimitSeconds = double.NaN },
            "time ∞" => d with { TimeLimitSeconds = double.PositiveInfinity },
            "gap -0.1" => d with { RelativeGap = -0.1 },
            "gap NaN" => d with { RelativeGap = double.NaN },
            "gap ∞" => d with { RelativeGap = double.PositiveInfinity },
            "region pupils -1" => d with { RegionPupils = -1 },
            "region pupils min" => d with { RegionPupils = long.MinValue },
            "chain work -1" => d with { ChainWork = -1 },
            "school MIP areas -1" => d with { SchoolMipAreas = -1 },
            "workers 0" => d with { Workers = 0 },
            _ => d with { OverflowSeconds = double.NaN },
        };
        var input = ElevenTerms() with { Parameters = ElevenTerms().Parameters with { Solver = solver } };

        var error = Assert.Throws<InvalidInputException>(() => Simulator.Run(input));

        Assert.Equal(["parameters.solver"], error.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Run_SameInputTwice_GivesSameResult()
    {
        var a = Simulator.Run(ElevenTerms());
        var b = Simulator.Run(ElevenTerms());

        Assert.Equal(a.Terms.SelectMany(t => t.Placements), b.Terms.SelectMany(t => t.Placements));
    }

    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
