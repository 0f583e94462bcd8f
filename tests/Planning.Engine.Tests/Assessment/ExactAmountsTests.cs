using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

// DOMAIN.md: "Teachers may be counted in full-time equivalents: a resource value is used exactly as
// stored, never silently rounded."
public class ExactAmountsTests
{
    [Fact]
    public void AssessIndicator_FractionalTeachersExactlyAtThreshold_Met()
    {
        // 0.405 PE/art teachers for 45 pupils: 0.405 × 100 / 45 = 0.9 per 100, the threshold (table row 3).
        var result = SchoolAssessor.AssessIndicator(SchoolPart.Primary, Indicator.PeArtTeachers, 45, 0.405);

        Assert.Equal(0.9, result.Value!.Value, 12);
        Assert.Equal(Outcome.Met, result.Outcome);
    }

    [Fact]
    public void ResourceRule_FractionalTeachersJustUnderFloor_NotMet()
    {
        // 35.5 degree teachers for 1,000 primary pupils: 3.55 per 100 = 84.5 % of 4.2, under the 85 % floor;
        // rounding 35.5 to 36 would give 85.7 % and pass. The other six are met.
        var resources = Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 1000), Indicator.DegreeTeachers, 35.5);
        var part = SchoolAssessor.Assess(Fixtures.PrimaryOf("P", 1000, resources)).Parts[0];

        Assert.Equal(3.55, part[Indicator.DegreeTeachers].Value!.Value, 12);
        Assert.Equal(6, part.MetCount);
        Assert.Equal(Outcome.NotMet, part.ResourceOutcome);
    }

    [Fact]
    public void Plus_TwoHalfTeacherAdditions_OneTeacher()
    {
        var half = new Resources(0, 0.5, 0, 0, 0, 0, 0);

        Assert.Equal(1.0, Resources.Zero.Plus(half).Plus(half).TeachersBackbone);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NegativeOrNonFinite_Throws(double amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resources(amount, 0, 0, 0, 0, 0, 0));

    [Theory]
    [InlineData(Indicator.DegreeTeachers, 10_000, true)]
    [InlineData(Indicator.DegreeTeachers, 10_000.5, false)]
    [InlineData(Indicator.FloorArea, 1_000_000, true)]
    [InlineData(Indicator.EquipmentValue, 1e10, true)]
    [InlineData(Indicator.EquipmentValue, 1e308, false)]
    [InlineData(Indicator.MultimediaRooms, -1, false)]
    public void Problem_AmountAgainstMaximum_NullOnlyWithinRange(Indicator indicator, double value, bool allowed) =>
        Assert.Equal(allowed, ResourceLimits.Problem(indicator, value) is null);

    [Fact]
    public void Compute_LargestAllowedAmounts_FiniteCoefficient()
    {
        // ¥10,000,000,000 for 1 pupil against ¥0 for 10,000: X̄ = 1e10 / 10,001, S = X̄ √10,000, S / X̄ = 100.
        var c = DifferenceCoefficient.Compute([new("A", 1, ResourceLimits.MaxEquipmentYuan), new("B", 10_000, 0)]);

        Assert.Equal(100, c.Coefficient!.Value, 9);
        Assert.Null(c.Undefined);
    }

    [Fact]
    public void Compute_HugeFiniteValues_NoOverflow()
    {
        // Scaled before squaring: 1e200 and 3e200 with equal weights give X̄ = 2e200, S = 1e200, 0.5.
        var c = DifferenceCoefficient.Compute([new("A", 1, 1e200), new("B", 1, 3e200)]);

        Assert.Equal(0.5, c.Coefficient!.Value, 12);
    }

    [Fact]
    public void Compute_EverySchoolAtZero_UndefinedZeroMean()
    {
        var c = DifferenceCoefficient.Compute([new("A", 100, 0), new("B", 50, 0)]);

        Assert.Null(c.Coefficient);
        Assert.Equal(UndefinedReason.ZeroMean, c.Undefined);
    }

    [Fact]
    public void Compute_NoStudents_UndefinedNoStudents()
    {
        var c = DifferenceCoefficient.Compute([new("A", 0, 5)]);

        Assert.Null(c.Coefficient);
        Assert.Equal(UndefinedReason.NoStudents, c.Undefined);
    }

    [Fact]
    public void Assess_EveryPartAtZeroOfOneResource_LevelNotMet()
    {
        // Two primary parts meeting six indicators with no backbone teacher at all: X̄ = 0, coefficient undefined.
        var none = Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, 90), Indicator.BackboneTeachers, 0);
        var district = DistrictAssessment.Assess(
            [SchoolAssessor.Assess(Fixtures.PrimaryOf("A", 90, none)), SchoolAssessor.Assess(Fixtures.PrimaryOf("B", 90, none))]);

        var backbone = district[SchoolPart.Primary].Coefficients[(int)Indicator.BackboneTeachers];
        Assert.Equal(UndefinedReason.ZeroMean, backbone.Statistic.Undefined);
        Assert.Equal(Outcome.NotApplicable, backbone.Outcome);
        Assert.Equal(Outcome.NotMet, district[SchoolPart.Primary].Outcome);
    }
}
