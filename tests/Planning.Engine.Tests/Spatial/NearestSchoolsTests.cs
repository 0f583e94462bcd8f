using Planning.Engine.Inputs;
using Planning.Engine.Spatial;
using static Planning.Engine.Tests.Fixtures;

namespace Planning.Engine.Tests.Spatial;

public class NearestSchoolsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Find_RandomPoints_MatchesBruteForce(int seed)
    {
        var random = new Random(seed);
        var schools = Enumerable.Range(0, 200).Select(i => (i, East(random.Next(0, 40_000), random.Next(0, 30_000)))).ToList();
        var index = new NearestSchools(schools);

        for (var q = 0; q < 50; q++)
        {
            // Some queries fall outside the schools' extent.
            var point = East(random.Next(-10_000, 50_000), random.Next(-10_000, 40_000));

            var found = index.Find(point, 5, null).Select(f => f.Id);

            var expected = schools.OrderBy(s => point.DistanceTo(s.Item2)).Take(5).Select(s => s.i);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Find_MaxDistance_LeavesFartherSchoolsOut()
    {
        var index = new NearestSchools([(0, East(0)), (1, East(900)), (2, East(2500))]);

        var found = index.Find(East(0), 3, maxMetres: 1000);

        Assert.Equal([0, 1], found.Select(f => f.Id));
    }

    [Fact]
    public void DistanceTo_OneDegreeOfLatitude_IsAbout111Kilometres()
    {
        var metres = new GeoPoint(117.3, 39.0).DistanceTo(new GeoPoint(117.3, 40.0));

        Assert.InRange(metres, 111_100, 111_300);
    }
}
