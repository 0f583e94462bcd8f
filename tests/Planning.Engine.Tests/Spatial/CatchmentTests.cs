using Planning.Engine.Assessment;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Spatial;

public class CatchmentTests
{
    private static ResidentialArea Area(string code, double east, bool withBoundary = true) =>
        NewArea(code, east, Grades((1, 5))) with { Boundary = withBoundary ? Square(east, 0, 100) : null };

    [Fact]
    public void Run_AdjacentAreas_GiveOnePartCatchment()
    {
        var term = Simulator.Run(Input([Primary("A", 50, 2)], [Area("x", 0), Area("y", 100)])).Terms[0];

        var catchment = Assert.Single(term.Catchments, c => c.Part == SchoolPart.Primary);
        Assert.Equal(("A", 1), (catchment.SchoolCode, catchment.Parts));
        Assert.Equal(["x", "y"], catchment.AreaCodes);
        Assert.Equal(2 * Square(0, 0, 100).Area, catchment.Boundary!.Area, 12);
    }

    [Fact]
    public void Run_AreasApart_CountEachPartSoEnclavesShow()
    {
        var term = Simulator.Run(Input([Primary("A", 500, 2)], [Area("x", 0), Area("y", 1000), Area("z", 3000)])).Terms[0];

        var catchment = Assert.Single(term.Catchments, c => c.Part == SchoolPart.Primary);
        Assert.Equal(3, catchment.Parts);
    }

    [Fact]
    public void Run_AreaWithoutPolygon_IsCountedButNotDrawn()
    {
        var term = Simulator.Run(Input([Primary("A", 50, 2)], [Area("x", 0), Area("y", 100, withBoundary: false)])).Terms[0];

        var catchment = Assert.Single(term.Catchments, c => c.Part == SchoolPart.Primary);
        Assert.Equal((1, 1, 2), (catchment.Parts, catchment.AreasWithoutBoundary, catchment.AreaCodes.Count));
    }

    [Fact]
    public void Run_TwoSchools_EachGetsItsOwnCatchmentPerLevel()
    {
        var term = Simulator.Run(Input([NineYear("A", 0, 2, 2), NineYear("B", 5000, 2, 2)], [Area("x", 100), Area("y", 4900)])).Terms[0];

        Assert.Equal(4, term.Catchments.Count);
        Assert.Equal(["x"], term.Catchments.Single(c => c.SchoolCode == "A" && c.Part == SchoolPart.Junior).AreaCodes);
        Assert.Equal(["y"], term.Catchments.Single(c => c.SchoolCode == "B" && c.Part == SchoolPart.Primary).AreaCodes);
    }
}
