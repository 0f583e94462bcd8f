using Planning.Engine.Rules;
using Planning.Engine.Simulation;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Simulation;

public class CandidateListsTests
{
    [Fact]
    public void For_SchoolsAtTheSameWholeMetres_AreOrderedBySchool()
    {
        // School 1 is nearer by 0.4 m, but both are the same whole metres away: whole metres, then the school, decide.
        var whole = (long)Math.Round(Metres(0, 1000.2));
        Assert.True(Metres(0, 999.8) < Metres(0, 1000.2) && whole == (long)Math.Round(Metres(0, 999.8)));
        var lists = Lists([Primary("A", 1000.2, 2), Primary("B", 999.8, 2)], k: 2);

        var candidates = lists.For(0, SchoolPart.Primary, Autumn2020, -1, []);

        Assert.Equal([0, 1], candidates.Select(c => c.School));
        Assert.Equal([whole, whole], candidates.Select(c => c.DistanceMetres));
    }

    [Fact]
    public void For_CurrentSchoolAndOrigins_JoinTheNearestInDistanceOrderOnce()
    {
        var lists = Lists(
            [Primary("Near", 100, 2), Primary("Origin", 3000, 2), Primary("Current", 5000, 2), Primary("Closed", 2000, 0)], k: 1);
        PendingPupils[] pending = [new(2, 1, 10, false), new(3, 1, 5, false), new(4, 3, 7, false), new(1, -1, 4, false)];

        var candidates = lists.For(0, SchoolPart.Primary, Autumn2020, currentCatchment: 2, pending);

        Assert.Equal([0, 1, 2], candidates.Select(c => c.School));
        Assert.Equal([false, false, true], candidates.Select(c => c.IsCurrentCatchment));
        Assert.Equal(Math.Round(Metres(0, 3000)), candidates[1].DistanceMetres);
    }

    [Fact]
    public void For_SchoolOpeningInALaterTerm_JoinsTheListsThen()
    {
        var lists = Lists([Primary("Old", 2000, 2), Primary("New", 500, 2, opening: Autumn2021)], k: 1);

        var before = lists.For(0, SchoolPart.Primary, Autumn2020, -1, []);
        lists.Prepare(Autumn2021);
        var after = lists.For(0, SchoolPart.Primary, Autumn2021, -1, []);

        Assert.Equal([0], before.Select(c => c.School));
        Assert.Equal([1], after.Select(c => c.School));
    }

    private static CandidateLists Lists(IReadOnlyList<Inputs.School> schools, int k)
    {
        var parameters = OneTerm() with { CandidateSchools = k };
        var lists = new CandidateLists(new District(Input(schools, [NewArea("a", 0, Grades((1, 10)))], parameters)));
        lists.Prepare(Autumn2020);
        return lists;
    }
}
