using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

public class IndicatorTests
{
    // DOMAIN.md, "Seven resource indicators, computed per school (primary / junior threshold)", table rows 1–7.
    public static TheoryData<SchoolPart, Indicator, double> Thresholds => new()
    {
        { SchoolPart.Primary, Indicator.DegreeTeachers, 4.2 },     // row 1: 4.2 per 100 students
        { SchoolPart.Junior, Indicator.DegreeTeachers, 5.3 },      // row 1: 5.3 per 100 students
        { SchoolPart.Primary, Indicator.BackboneTeachers, 1.0 },   // row 2: 1.0 per 100 students
        { SchoolPart.Junior, Indicator.BackboneTeachers, 1.0 },    // row 2: 1.0 per 100 students
        { SchoolPart.Primary, Indicator.PeArtTeachers, 0.9 },      // row 3: 0.9 per 100 students
        { SchoolPart.Junior, Indicator.PeArtTeachers, 0.9 },       // row 3: 0.9 per 100 students
        { SchoolPart.Primary, Indicator.FloorArea, 4.5 },          // row 4: 4.5 m² per student
        { SchoolPart.Junior, Indicator.FloorArea, 5.8 },           // row 4: 5.8 m² per student
        { SchoolPart.Primary, Indicator.SportsArea, 7.5 },         // row 5: 7.5 m² per student
        { SchoolPart.Junior, Indicator.SportsArea, 10.2 },         // row 5: 10.2 m² per student
        { SchoolPart.Primary, Indicator.EquipmentValue, 2000 },    // row 6: 2000 yuan per student
        { SchoolPart.Junior, Indicator.EquipmentValue, 2500 },     // row 6: 2500 yuan per student
        { SchoolPart.Primary, Indicator.MultimediaRooms, 2.3 },    // row 7: 2.3 per 100 students
        { SchoolPart.Junior, Indicator.MultimediaRooms, 2.4 },     // row 7: 2.4 per 100 students
    };

    // With 1,000 students every requirement above is a whole number (threshold × 10 or × 1,000).
    private const int Students = 1000;

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Threshold_National2017_IsDomainTableValue(SchoolPart part, Indicator indicator, double expected)
    {
        Assert.Equal(expected, Standard.National2017.Threshold(part, indicator));
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void AssessIndicator_ExactlyAtThreshold_MetWithoutGap(SchoolPart part, Indicator indicator, double threshold)
    {
        var required = Required(indicator, threshold);

        var result = SchoolAssessor.AssessIndicator(part, indicator, Students, required);

        Assert.Equal(Outcome.Met, result.Outcome);
        Assert.Equal(0, result.Gap);
        Assert.Equal(threshold, result.Value!.Value, 9);
        Assert.Equal(required, result.Required, 6);
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void AssessIndicator_OneUnitBelowThreshold_NotMetWithGapOne(SchoolPart part, Indicator indicator, double threshold)
    {
        var result = SchoolAssessor.AssessIndicator(part, indicator, Students, Required(indicator, threshold) - 1);

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal(1, result.Gap);
        Assert.True(result.Value < threshold);
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void AssessIndicator_OneUnitAboveThreshold_MetWithoutGap(SchoolPart part, Indicator indicator, double threshold)
    {
        var result = SchoolAssessor.AssessIndicator(part, indicator, Students, Required(indicator, threshold) + 1);

        Assert.Equal(Outcome.Met, result.Outcome);
        Assert.Equal(0, result.Gap);
        Assert.True(result.Value > threshold);
    }

    [Theory]
    [InlineData(SchoolPart.Primary, Indicator.FloorArea)]
    [InlineData(SchoolPart.Junior, Indicator.SportsArea)]
    [InlineData(SchoolPart.Junior, Indicator.EquipmentValue)]
    public void AssessIndicator_FractionOfAUnitBelow_NotMetWithGapOne(SchoolPart part, Indicator indicator)
    {
        var required = Required(indicator, Standard.National2017.Threshold(part, indicator));

        var result = SchoolAssessor.AssessIndicator(part, indicator, Students, required - 0.01);

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal(1, result.Gap);
    }

    [Theory]
    // 4.2 × 250 / 100 = 10.5 teachers required, 8 present: ⌈2.5⌉ = 3 to hire.
    [InlineData(SchoolPart.Primary, Indicator.DegreeTeachers, 250, 8, 3, GapUnit.Teachers)]
    // 0.9 × 1,234 / 100 = 11.106 PE/art teachers required, 8 present: ⌈3.106⌉ = 4.
    [InlineData(SchoolPart.Junior, Indicator.PeArtTeachers, 1234, 8, 4, GapUnit.Teachers)]
    // 10.2 × 1,234 = 12,586.8 m² sports area required, 11,000 present: ⌈1,586.8⌉ = 1,587 m².
    [InlineData(SchoolPart.Junior, Indicator.SportsArea, 1234, 11000, 1587, GapUnit.SquareMetres)]
    // 2,000 × 1,000 = ¥2,000,000 required, ¥1,590,000 present: ¥410,000 (the example).
    [InlineData(SchoolPart.Primary, Indicator.EquipmentValue, 1000, 1590000, 410000, GapUnit.Yuan)]
    // 2.4 × 730 / 100 = 17.52 rooms required, 15 present: ⌈2.52⌉ = 3.
    [InlineData(SchoolPart.Junior, Indicator.MultimediaRooms, 730, 15, 3, GapUnit.Rooms)]
    public void AssessIndicator_BelowThreshold_GapIsWholeUnitsRoundedUp(
        SchoolPart part, Indicator indicator, int students, double current, double gap, GapUnit unit)
    {
        var result = SchoolAssessor.AssessIndicator(part, indicator, students, current);

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal(gap, result.Gap);
        Assert.Equal(unit, result.Unit);
    }

    [Theory]
    // 10.2 m² × 25 = 255 m², but in binary floating point 10.2 × 25 = 254.99999999999997; likewise
    // × 45 = 459 and × 50 = 510. A gap of exactly one m² below must stay one m², not become zero
    // or two, and exactly the requirement must be met.
    [InlineData(25, 255, Outcome.Met, 0)]
    [InlineData(25, 254, Outcome.NotMet, 1)]
    [InlineData(45, 459, Outcome.Met, 0)]
    [InlineData(50, 509, Outcome.NotMet, 1)]
    public void AssessIndicator_RequirementWithRoundingError_ExactOutcomeAndGap(
        int students, double current, Outcome outcome, double gap)
    {
        var result = SchoolAssessor.AssessIndicator(SchoolPart.Junior, Indicator.SportsArea, students, current);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(gap, result.Gap);
    }

    [Theory]
    // DOMAIN.md table: backbone 1.0 per 100 at both levels, so 150 students need 1.5 → 2 teachers.
    [InlineData(SchoolPart.Primary)]
    [InlineData(SchoolPart.Junior)]
    public void AssessIndicator_OneBackboneTeacherFor150Students_NotMetAndOneMoreNeeded(SchoolPart part)
    {
        var result = SchoolAssessor.AssessIndicator(part, Indicator.BackboneTeachers, 150, 1);

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal(1, result.Gap);
        Assert.Equal(1.5, result.Required, 9);
    }

    private static double Required(Indicator indicator, double threshold) =>
        Math.Round(threshold * Students / Indicators.PerStudents(indicator));
}
