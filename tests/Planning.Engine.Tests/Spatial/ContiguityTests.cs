using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Simulation;
using Planning.Engine.Spatial;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Spatial;

/// <summary>
/// Six 1 km squares in a row, x0 … x5, each bordering the next. A stands in x0 with one track (45 grade-1
/// seats, DOMAIN.md), B in x5. Grade-1 pupils: x0 10, x1 50, x2 5, x3 10, x4 10, x5 10. x1 cannot fit
/// in A, so it goes to B; x2 is 1 km nearer A than B, so without contiguity it goes to A: an enclave
/// of A behind x1, which is in turn cut off from the rest of B.
/// </summary>
public class ContiguityTests
{
    private static readonly int[] Pupils = [10, 50, 5, 10, 10, 10];

    private static ResidentialArea Cell(int i, int pupils) =>
        NewArea($"x{i}", i * 1000, Grades((1, pupils))) with { Boundary = Square(i * 1000, 0, 1000) };

    private static SimulationInput Row(int bTracks = 4, int[]? pupils = null, bool contiguous = false, params ScenarioChange[] changes)
    {
        var counts = pupils ?? Pupils;
        var input = Input(
            [Primary("A", 0, tracks: 1), Primary("B", 5000, tracks: bTracks)],
            [.. Enumerable.Range(0, counts.Length).Select(i => Cell(i, counts[i]))],
            OneTerm() with { ContiguousCatchments = contiguous, CatchmentChangeCostMetres = 0 }) with
        {
            Adjacency = [.. Enumerable.Range(0, counts.Length - 1).Select(i => new AreaLink($"x{i}", $"x{i + 1}"))],
        };
        return Scenario.Apply(input, changes);
    }

    private static Catchment CatchmentOf(TermResult term, string school) =>
        Assert.Single(term.Catchments, c => c.SchoolCode == school && c.Part == SchoolPart.Primary);

    [Fact]
    public void Run_AdjacencyKnown_NamesTheEnclaveWithoutAReason()
    {
        var term = Simulator.Run(Row()).Terms[0];

        var a = CatchmentOf(term, "A");
        Assert.Equal(["x0", "x2"], a.AreaCodes);
        Assert.Equal(2, a.Parts);
        var enclave = Assert.Single(a.Enclaves);
        Assert.Equal(["x2"], enclave.AreaCodes);
        Assert.Null(enclave.Reason);
        // B's x1 is cut off from B's site (x5) by x2 in turn.
        Assert.Equal(["x1"], Assert.Single(CatchmentOf(term, "B").Enclaves).AreaCodes);
        Assert.Equal(2, term.Enclaves);
    }

    [Fact]
    public void Run_ContiguousCatchments_MovesTheEnclaveAtItsExactCost()
    {
        var free = Simulator.Run(Row()).Terms[0];
        var term = Simulator.Run(Row(contiguous: true)).Terms[0];

        Assert.Equal(["x0"], CatchmentOf(term, "A").AreaCodes);
        Assert.Equal(0, term.Enclaves);
        Assert.All(term.Catchments, c => Assert.Equal(1, c.Parts));
        // x2's 5 pupils travel 3 km to B instead of 2 km to A.
        Assert.Equal(free.Solve.Objective + 5 * (Math.Round(Metres(2000, 5000)) - Math.Round(Metres(2000, 0))), term.Solve.Objective);
        Assert.Equal(free.Solve.LowerBound, term.Solve.LowerBound);
        Assert.Equal((term.Solve.Objective - term.Solve.LowerBound) / term.Solve.Objective, term.Solve.Gap, 12);
        Assert.EndsWith("+contiguity", term.Solve.Method);
        // The breakdown is of the repaired plan: the extra kilometre is travel.
        Assert.Equal(term.Solve.Objective, term.Solve.Breakdown.Total);
        Assert.Equal(term.Solve.Objective - free.Solve.Objective, term.Solve.Breakdown.All.TravelPupilMetres - free.Solve.Breakdown.All.TravelPupilMetres);
    }

    [Fact]
    public void Run_ContiguousButEveryFixOverfills_NamesTheEnclaveAndWhy()
    {
        // B has 2 tracks (90 seats) and 80 pupils without x2 (15): moving x2 there would leave 5 without a seat.
        var term = Simulator.Run(Row(bTracks: 2, pupils: [10, 50, 15, 10, 10, 10], contiguous: true)).Terms[0];

        var enclave = Assert.Single(CatchmentOf(term, "A").Enclaves);
        Assert.Equal(["x2"], enclave.AreaCodes);
        Assert.Contains("over a limit", enclave.Reason);
        Assert.Empty(term.Violations);
    }

    [Fact]
    public void Run_ContiguousButPinned_NamesThePin()
    {
        var term = Simulator.Run(Row(contiguous: true, changes: new PinArea("x2", null, "A", Autumn2020))).Terms[0];

        var enclave = Assert.Single(CatchmentOf(term, "A").Enclaves);
        Assert.Contains("changes[0]", enclave.Reason);
    }

    [Fact]
    public void Run_ContiguousWithAnIsland_NamesItAsSuch()
    {
        var input = Row(contiguous: true);
        input = input with { Areas = [.. input.Areas, NewArea("island", 300, Grades((1, 5))) with { Point = East(300, 5000), Boundary = Square(300, 5000, 500) }] };

        var term = Simulator.Run(input).Terms[0];

        var enclave = Assert.Single(CatchmentOf(term, "A").Enclaves);
        Assert.Equal(["island"], enclave.AreaCodes);
        Assert.Contains("island", enclave.Reason);
    }

    [Fact]
    public void Run_CatchmentBorderingItsSchoolsSite_IsOnePiece()
    {
        // Pinned away from A, x0 (A's site) is B's; A's x1 borders the site and counts as joined to it.
        var term = Simulator.Run(Row(pupils: [10, 20, 5, 10, 10, 10], changes: new PinArea("x0", null, "B", Autumn2020))).Terms[0];

        var a = CatchmentOf(term, "A");
        Assert.DoesNotContain("x0", a.AreaCodes);
        Assert.Contains("x1", a.AreaCodes);
        Assert.Equal(1, a.Parts);
    }

    [Fact]
    public void Validate_ContiguityWithoutAdjacencyOrWithSplitting_IsRefused()
    {
        var noAdjacency = Row(contiguous: true) with { Adjacency = null };
        var split = Row(contiguous: true) with { Parameters = Row(contiguous: true).Parameters with { AllowSplitting = true } };

        Assert.Contains(noAdjacency.Validate(), p => p.Field == "parameters.contiguous_catchments");
        Assert.Contains(split.Validate(), p => p.Field == "parameters.contiguous_catchments");
    }
}
