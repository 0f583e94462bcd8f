using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Tests.Assessment;

// DOMAIN.md, "Nine-year schools are split": per-part resources as given, shared ones in proportion to
// the parts' pupils, one junior pupil weighted as 1.1 primary pupils.
public class SharedResourcesTests
{
    private static readonly Term Autumn = Term.Parse("2020-autumn");

    [Fact]
    public void SharedPortion_600PrimaryAnd300Junior_WeightedByPupils()
    {
        // 600 + 1.1 × 300 = 930 weighted pupils: primary 600 / 930, junior 330 / 930.
        var standard = Standard.National2017;

        Assert.Equal(600.0 / 930, standard.SharedPortion(SchoolPart.Primary, 600, 300), 12);
        Assert.Equal(330.0 / 930, standard.SharedPortion(SchoolPart.Junior, 600, 300), 12);
    }

    [Fact]
    public void SharedPortion_OtherWeight_UsedAsGiven()
    {
        var equal = Standard.National2017 with { JuniorPupilWeight = 1.0 };

        Assert.Equal(0.5, equal.SharedPortion(SchoolPart.Junior, 400, 400), 12);
    }

    [Fact]
    public void SharedPortion_NoPupils_PortionsStillSumToOne()
    {
        var standard = Standard.National2017;

        Assert.Equal(1.0, standard.SharedPortion(SchoolPart.Primary, 0, 0) + standard.SharedPortion(SchoolPart.Junior, 0, 0), 12);
    }

    [Fact]
    public void ForPart_OwnAndShared_OwnPlusPortionOfShared()
    {
        // Primary has 20 degree teachers of its own; the school shares 9,300 m² of floor area and 31 teachers.
        ResourceEntry[] entries =
        [
            new(ResourcePart.Primary, Autumn, new Resources(20, 0, 0, 0, 0, 0, 0)),
            new(ResourcePart.Shared, Autumn, new Resources(31, 0, 0, 9300, 0, 0, 0)),
        ];
        var portion = Standard.National2017.SharedPortion(SchoolPart.Primary, 600, 300);

        var primary = ResourceTimeline.ForPart(entries, [], SchoolPart.Primary, Autumn, portion);
        var junior = ResourceTimeline.ForPart(entries, [], SchoolPart.Junior, Autumn, 1 - portion);

        Assert.Equal(20 + (31 * 600.0 / 930), primary.TeachersDegree, 9);
        Assert.Equal(6000, primary.FloorAreaM2, 9);
        Assert.Equal(3300, junior.FloorAreaM2, 9);
        Assert.Equal(31 * 330.0 / 930, junior.TeachersDegree, 9);
    }

    [Fact]
    public void ForPart_SharedAddition_ApportionedLikeTheStock()
    {
        ResourceEntry[] additions = [new(ResourcePart.Shared, Autumn, new Resources(0, 0, 0, 0, 0, 93_000, 0))];

        var junior = ResourceTimeline.ForPart([], additions, SchoolPart.Junior, Autumn, 330.0 / 930);

        Assert.Equal(33_000, junior.EquipmentValueYuan, 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(11.0)]
    public void Problems_JuniorPupilWeightOutOfRange_Named(double weight) =>
        Assert.Contains(
            (Standard.National2017 with { JuniorPupilWeight = weight }).Problems(),
            p => p.StartsWith("junior_pupil_weight", StringComparison.Ordinal));
}
