using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Tests.Assessment;

// docs/dataset-format.md, schools.resources: "a later entry for the same part replaces the earlier
// from its term"; scheduled additions (issue 4, "Resources can change over time") add from their term on.
public class ResourceTimelineTests
{
    private static readonly Resources Base = new(40, 10, 9, 4500, 7500, 2_000_000, 23);
    private static readonly Resources Rebuilt = new(50, 12, 10, 6000, 9000, 2_500_000, 30);
    private static readonly Resources ThreePeTeachers = new(0, 0, 3, 0, 0, 0, 0);

    private static readonly ResourceEntry[] Entries =
    [
        new(ResourcePart.Primary, T("2020-autumn"), Base),
        new(ResourcePart.Primary, T("2022-autumn"), Rebuilt),
        new(ResourcePart.Junior, T("2020-autumn"), Rebuilt),
    ];

    private static Term T(string text) => Term.Parse(text);

    [Theory]
    [InlineData("2020-autumn", 40)]
    [InlineData("2022-spring", 40)]
    [InlineData("2022-autumn", 50)]
    [InlineData("2025-autumn", 50)]
    public void ResourcesAt_LaterEntry_ReplacesFromItsTerm(string term, int degreeTeachers)
    {
        var resources = ResourceTimeline.ResourcesAt(Entries, ResourcePart.Primary, T(term));

        Assert.Equal(degreeTeachers, resources.TeachersDegree);
    }

    [Fact]
    public void ResourcesAt_BeforeFirstEntry_Zero()
    {
        ResourceEntry[] opensLater = [new(ResourcePart.Primary, T("2021-autumn"), Base)];

        Assert.Equal(Resources.Zero, ResourceTimeline.ResourcesAt(opensLater, ResourcePart.Primary, T("2021-spring")));
    }

    [Fact]
    public void ResourcesAt_OtherPartsEntries_Ignored()
    {
        Assert.Equal(Rebuilt, ResourceTimeline.ResourcesAt(Entries, ResourcePart.Junior, T("2021-spring")));
    }

    [Theory]
    // Additions of 3 PE/art teachers from 2021-autumn and again from 2023-autumn, on top of 9 and,
    // from 2022-autumn, of the replacement's 10.
    [InlineData("2021-spring", 9)]
    [InlineData("2021-autumn", 12)]
    [InlineData("2022-autumn", 13)]
    [InlineData("2023-autumn", 16)]
    public void ResourcesAt_ScheduledAdditions_CumulativeFromTheirTermOverReplacements(string term, int peArt)
    {
        ResourceEntry[] additions =
        [
            new(ResourcePart.Primary, T("2021-autumn"), ThreePeTeachers),
            new(ResourcePart.Primary, T("2023-autumn"), ThreePeTeachers),
            new(ResourcePart.Junior, T("2020-autumn"), ThreePeTeachers),
        ];

        var resources = ResourceTimeline.ResourcesAt(Entries, additions, ResourcePart.Primary, T(term));

        Assert.Equal(peArt, resources.TeachersPeArt);
        Assert.Equal(T(term) >= T("2022-autumn") ? 6000 : 4500, resources.FloorAreaM2);
    }

    [Fact]
    public void ResourcesAt_EntriesInAnyOrder_SameResult()
    {
        Assert.Equal(
            ResourceTimeline.ResourcesAt(Entries, ResourcePart.Primary, T("2023-spring")),
            ResourceTimeline.ResourcesAt(Entries.Reverse(), ResourcePart.Primary, T("2023-spring")));
    }

    [Fact]
    public void ResourcesAt_TwoEntriesSamePartSameTerm_Throws()
    {
        ResourceEntry[] clash = [new(ResourcePart.Primary, T("2021-autumn"), Base), new(ResourcePart.Primary, T("2021-autumn"), Rebuilt)];

        Assert.Throws<ArgumentException>(() => ResourceTimeline.ResourcesAt(clash, ResourcePart.Primary, T("2022-spring")));
    }

    [Fact]
    public void Resources_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resources(0, 0, 0, -1, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resources(0, -1, 0, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resources(0, 0, 0, 0, double.NaN, 0, 0));
    }
}
