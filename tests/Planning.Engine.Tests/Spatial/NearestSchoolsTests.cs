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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    public void Find_SchoolsAtEqualDistances_AreOrderedById(int k)
    {
        // East and west of the point by the same exactly representable step are at exactly equal distances; ids are listed in no order.
        const double lon = 117.25, lat = 39.5, step = 1.0 / 64;
        (int, GeoPoint)[] schools =
        [
            (7, new(lon + step, lat)), (2, new(lon - step, lat)), (5, new(lon + 3 * step, lat)), (1, new(lon - 3 * step, lat)),
            (4, new(lon, lat + step)), (3, new(lon + 2 * step, lat)), (6, new(lon - 2 * step, lat)),
        ];
        var index = new NearestSchools(schools);

        var found = index.Find(new GeoPoint(lon, lat), k, null);

        Assert.Equal(new[] { 2, 7, 4, 3, 6, 1, 5 }.Take(k), found.Select(f => f.Id));
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
