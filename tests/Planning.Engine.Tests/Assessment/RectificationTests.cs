using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Tests.Assessment;

// Issue 4, "Rectification list": per school the items still open in a term and the term in which
// each closes, or "not closed by the horizon". The run covers 2020-autumn … 2022-spring.
public class RectificationTests
{
    private static readonly Resources Full = Fixtures.Sufficient(SchoolPart.Primary, 100);

    // 100 primary students: floor needs 450 m², sports 750 m², rooms 2.3 → 3 (DOMAIN.md table rows 4, 5, 7).
    private static SchoolAssessment Assess(double floor, double sports, int rooms) =>
        SchoolAssessor.Assess(Fixtures.PrimaryOf("P", 100, Fixtures.With(i => i switch
        {
            Indicator.FloorArea => floor,
            Indicator.SportsArea => sports,
            Indicator.MultimediaRooms => rooms,
            _ => Full.AmountFor(i),
        })));

    private static readonly RectificationItem Floor = new(ItemKind.Indicator, SchoolPart.Primary, Indicator.FloorArea, null);
    private static readonly RectificationItem Sports = new(ItemKind.Indicator, SchoolPart.Primary, Indicator.SportsArea, null);
    private static readonly RectificationItem Rooms = new(ItemKind.Indicator, SchoolPart.Primary, Indicator.MultimediaRooms, null);

    private static readonly Term[] Terms = [.. Term.Range(Term.Parse("2020-autumn"), Term.Parse("2022-spring"))];

    private static IReadOnlyList<RectificationTerm> Run() => Rectification.Track(
    [
        (Terms[0], Assess(400, 700, 3)), // 2020-autumn: floor and sports open
        (Terms[1], Assess(450, 700, 3)), // 2021-spring: floor closed, sports open
        (Terms[2], Assess(450, 750, 2)), // 2021-autumn: sports closed, rooms open
        (Terms[3], Assess(440, 750, 2)), // 2022-spring: floor open again, rooms still open
    ]);

    private static TermItem ItemIn(IReadOnlyList<RectificationTerm> run, int index, RectificationItem item) =>
        run[index].Items.Single(i => i.Open.Item == item);

    [Fact]
    public void Track_OpenItemsPerTerm_ListsExactlyTheUnmetItems()
    {
        var run = Run();

        Assert.Equal([[Floor, Sports], [Sports], [Rooms], [Floor, Rooms]], run.Select(t => t.Items.Select(i => i.Open.Item).ToArray()));
    }

    [Fact]
    public void Track_ItemFixedNextTerm_ClosesInThatTerm()
    {
        Assert.Equal(Term.Parse("2021-spring"), ItemIn(Run(), 0, Floor).ClosesIn);
    }

    [Fact]
    public void Track_ItemOpenForTwoTerms_BothTermsNameTheSameClosingTerm()
    {
        var run = Run();

        Assert.Equal(Term.Parse("2021-autumn"), ItemIn(run, 0, Sports).ClosesIn);
        Assert.Equal(Term.Parse("2021-autumn"), ItemIn(run, 1, Sports).ClosesIn);
    }

    [Fact]
    public void Track_ItemStillOpenInLastTerm_NotClosedByHorizon()
    {
        var run = Run();

        Assert.Null(ItemIn(run, 2, Rooms).ClosesIn);
        Assert.True(ItemIn(run, 3, Rooms).OpenAtHorizon);
    }

    [Fact]
    public void Track_ItemReopened_ClosingOfEarlierPeriodUnaffected()
    {
        var run = Run();

        Assert.Equal(Term.Parse("2021-spring"), ItemIn(run, 0, Floor).ClosesIn);
        Assert.True(ItemIn(run, 3, Floor).OpenAtHorizon);
    }

    [Fact]
    public void Track_Gaps_InPlannerUnits()
    {
        var run = Run();

        Assert.Equal(50, ItemIn(run, 0, Floor).Open.Gap);  // 450 − 400 m²
        Assert.Equal(GapUnit.SquareMetres, ItemIn(run, 0, Floor).Open.Unit);
        Assert.Equal(10, ItemIn(run, 3, Floor).Open.Gap);  // 450 − 440 m²
        Assert.Equal(1, ItemIn(run, 2, Rooms).Open.Gap);   // ⌈2.3 − 2⌉ rooms
        Assert.Equal(GapUnit.Rooms, ItemIn(run, 2, Rooms).Open.Unit);
    }

    [Fact]
    public void Track_TermsNotAscending_Throws()
    {
        Assert.Throws<ArgumentException>(() => Rectification.Track([(Terms[1], Assess(450, 750, 3)), (Terms[0], Assess(450, 750, 3))]));
    }

    [Fact]
    public void OpenItems_OversizedSchoolWithCrowdedGrade_SizeAndClassItems()
    {
        // 6 × 350 = 2,100 students, 100 over 2,000 (DOMAIN.md); grade 1 has 350 students in 7 classes
        // of 50 > 45, needing ⌈350 / 45⌉ = 8 classes: 1 more.
        var school = SchoolAssessor.Assess(SchoolInput.Create(
            "BIG",
            [350, 350, 350, 350, 350, 350, 0, 0, 0],
            [7, 8, 8, 8, 8, 8, 0, 0, 0],
            Fixtures.Sufficient(SchoolPart.Primary, 2100),
            null));

        var items = Rectification.OpenItems(school);

        Assert.Equal(2, items.Count);
        Assert.Equal(new OpenItem(new RectificationItem(ItemKind.SchoolSize, null, null, null), 100, GapUnit.Students), items[0]);
        Assert.Equal(new OpenItem(new RectificationItem(ItemKind.ClassSize, SchoolPart.Primary, null, 1), 1, GapUnit.Classes), items[1]);
    }
}
