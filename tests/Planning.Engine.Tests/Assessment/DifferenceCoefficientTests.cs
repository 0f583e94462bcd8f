using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

// DOMAIN.md, "the inter-school difference coefficient ... is weighted by enrolment: N = ΣPᵢ,
// X̄ = ΣPᵢXᵢ / N, S = √(Σ (Pᵢ/N)(Xᵢ − X̄)²), coefficient = S / X̄. An unweighted coefficient of
// variation is wrong." Ceilings: ≤ 0.50 over primary schools, ≤ 0.45 over junior schools.
public class DifferenceCoefficientTests
{
    // Table 1, by hand:
    //   school  Pᵢ   Xᵢ   PᵢXᵢ   Pᵢ/N   Xᵢ − X̄   (Pᵢ/N)(Xᵢ − X̄)²
    //   A       100  2    200    0.1     0        0
    //   B       300  4    1200   0.3     2        1.2
    //   C       600  1    600    0.6    −1        0.6
    //   N = 1000, X̄ = 2000 / 1000 = 2, S² = 1.8, S = √1.8 = 1.3416408, coefficient = S / 2 = 0.6708204.
    //   Shares of S²: B 1.2 / 1.8 = 2/3, C 0.6 / 1.8 = 1/3, A 0.
    private static readonly WeightedValue[] Table1 =
        [new("A", 100, 2), new("B", 300, 4), new("C", 600, 1)];

    // Table 2, by hand:
    //   school  Pᵢ   Xᵢ   Pᵢ/N   Xᵢ − X̄   (Pᵢ/N)(Xᵢ − X̄)²
    //   A       50   6    0.05    3.8      0.05 × 14.44 = 0.722
    //   B       450  2    0.45   −0.2      0.45 × 0.04  = 0.018
    //   C       500  2    0.50   −0.2      0.50 × 0.04  = 0.020
    //   N = 1000, X̄ = (300 + 900 + 1000) / 1000 = 2.2, S² = 0.76, S = 0.8717798, coefficient = 0.3962635.
    //   Unweighted: mean 10/3, population variance ((8/3)² + 2 × (4/3)²) / 3 = 96/27, SD 1.8856181,
    //   coefficient of variation 0.5656854 — over the 0.50 primary ceiling although the weighted one is under.
    private static readonly WeightedValue[] Table2 =
        [new("A", 50, 6), new("B", 450, 2), new("C", 500, 2)];

    [Fact]
    public void Compute_HandComputedTable_MatchesHandComputation()
    {
        var result = DifferenceCoefficient.Compute(Table1);

        Assert.Equal(1000, result.Students);
        Assert.Equal(2.0, result.Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(1.8), result.StandardDeviation!.Value, 12);
        Assert.Equal(0.6708204, result.Coefficient!.Value, 7);
    }

    [Fact]
    public void Compute_HandComputedTable_ContributionsRankedByShareOfVariance()
    {
        var result = DifferenceCoefficient.Compute(Table1);

        Assert.Equal(["B", "C", "A"], result.Contributions.Select(c => c.Code));
        Assert.Equal(2.0 / 3, result.Contributions[0].Share, 12);
        Assert.Equal(1.0 / 3, result.Contributions[1].Share, 12);
        Assert.Equal(0, result.Contributions[2].Share, 12);
    }

    [Fact]
    public void Compute_SecondTable_DiffersFromUnweightedCoefficientOfVariation()
    {
        var weighted = DifferenceCoefficient.Compute(Table2).Coefficient!.Value;
        var values = Table2.Select(v => v.Value).ToArray();
        var mean = values.Average();
        var unweighted = Math.Sqrt(values.Average(x => (x - mean) * (x - mean))) / mean;

        Assert.Equal(0.3962635, weighted, 7);
        Assert.Equal(0.5656854, unweighted, 7);
        Assert.True(weighted <= 0.50 && unweighted > 0.50);
    }

    [Fact]
    public void Compute_ScalingAllEnrolments_CoefficientUnchanged()
    {
        var scaled = Table1.Select(v => v with { Students = v.Students * 7 });

        Assert.Equal(DifferenceCoefficient.Compute(Table1).Coefficient!.Value, DifferenceCoefficient.Compute(scaled).Coefficient!.Value, 12);
    }

    [Fact]
    public void Compute_SchoolWithoutStudents_CarriesNoWeight()
    {
        WeightedValue[] withEmpty = [.. Table1, new("D", 0, 100)];

        var result = DifferenceCoefficient.Compute(withEmpty);

        Assert.Equal(0.6708204, result.Coefficient!.Value, 7);
        Assert.DoesNotContain(result.Contributions, c => c.Code == "D");
    }

    [Fact]
    public void AssessDistrict_FloorAreaFromTable1_CoefficientOverPrimaryCeiling()
    {
        // Floor area per student Xᵢ = m² / Pᵢ: A 200 / 100 = 2, B 1,200 / 300 = 4, C 600 / 600 = 1.
        var district = DistrictAssessment.Assess(PrimarySchools(Table1));

        var floor = district[SchoolPart.Primary].Coefficients[(int)Indicator.FloorArea];
        Assert.Equal(Indicator.FloorArea, floor.Indicator);
        Assert.Equal(0.50, floor.Ceiling);
        Assert.Equal(0.6708204, floor.Coefficient!.Value, 7);
        Assert.Equal(Outcome.NotMet, floor.Outcome);
        Assert.Equal(["B", "C"], floor.TopContributors.Select(c => c.Code));
        Assert.Equal(Outcome.NotMet, district[SchoolPart.Primary].Outcome);
    }

    [Fact]
    public void AssessDistrict_FloorAreaFromTable2_WeightedCoefficientWithinCeiling()
    {
        var floor = DistrictAssessment.Assess(PrimarySchools(Table2))[SchoolPart.Primary].Coefficients[(int)Indicator.FloorArea];

        Assert.Equal(0.3962635, floor.Coefficient!.Value, 7);
        Assert.Equal(Outcome.Met, floor.Outcome);
        Assert.Equal("A", floor.TopContributors[0].Code);
    }

    [Fact]
    public void AssessDistrict_SameSpreadAtJuniorLevel_JudgedAgainstJuniorCeiling()
    {
        // Coefficient 0.6708 (table 1) against 0.45, and table 2's 0.3963 ≤ 0.45.
        var table1 = DistrictAssessment.Assess(JuniorSchools(Table1))[SchoolPart.Junior].Coefficients[(int)Indicator.SportsArea];
        var table2 = DistrictAssessment.Assess(JuniorSchools(Table2))[SchoolPart.Junior].Coefficients[(int)Indicator.SportsArea];

        Assert.Equal(0.45, table1.Ceiling);
        Assert.Equal(Outcome.NotMet, table1.Outcome);
        Assert.Equal(Outcome.Met, table2.Outcome);
    }

    [Theory]
    // A coefficient just under, at and just over the ceiling: X = 9 × (1 − c, 1 + c) m² of sports
    // area per student with equal weights gives X̄ = 9, S = 9c, coefficient = c. With c = 0.45 the
    // floating-point result is 0.45000000000000007, which must still count as at the ceiling.
    [InlineData(SchoolPart.Primary, 0.49, Outcome.Met)]
    [InlineData(SchoolPart.Primary, 0.50, Outcome.Met)]
    [InlineData(SchoolPart.Primary, 0.51, Outcome.NotMet)]
    [InlineData(SchoolPart.Junior, 0.44, Outcome.Met)]
    [InlineData(SchoolPart.Junior, 0.45, Outcome.Met)]
    [InlineData(SchoolPart.Junior, 0.46, Outcome.NotMet)]
    public void AssessDistrict_CoefficientAroundCeiling_InclusiveCeiling(SchoolPart part, double c, Outcome expected)
    {
        WeightedValue[] table = [new("A", 100, 9 * (1 - c)), new("B", 100, 9 * (1 + c))];
        var schools = part == SchoolPart.Primary ? PrimarySchools(table, Indicator.SportsArea) : JuniorSchools(table, Indicator.SportsArea);

        var result = DistrictAssessment.Assess(schools)[part].Coefficients[(int)Indicator.SportsArea];

        Assert.Equal(c, result.Coefficient!.Value, 9);
        Assert.Equal(expected, result.Outcome);
    }

    private static List<SchoolAssessment> PrimarySchools(WeightedValue[] table, Indicator indicator = Indicator.FloorArea) =>
        [.. table.Select(v => SchoolAssessor.Assess(Fixtures.PrimaryOf(
            v.Code, v.Students, Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Primary, v.Students), indicator, v.Value * v.Students))))];

    private static List<SchoolAssessment> JuniorSchools(WeightedValue[] table, Indicator indicator = Indicator.SportsArea) =>
        [.. table.Select(v => SchoolAssessor.Assess(SchoolInput.Create(
            v.Code,
            [0, 0, 0, 0, 0, 0, v.Students, 0, 0],
            [0, 0, 0, 0, 0, 0, (v.Students + 49) / 50, 0, 0],
            null,
            Fixtures.Replace(Fixtures.Sufficient(SchoolPart.Junior, v.Students), indicator, v.Value * v.Students))))];
}
