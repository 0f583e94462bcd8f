using System.Text;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Assessment;
using Planning.Server.Data;
using EngineEntry = Planning.Engine.Assessment.ResourceEntry;
using EngineLevel = Planning.Engine.Rules.SchoolLevel;
using EnginePart = Planning.Engine.Rules.SchoolPart;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>The server's assessment pieces without a database: gap texts, item periods, CSV quoting.</summary>
public sealed class AssessmentPiecesTests
{
    /// <summary>Meets every primary indicator of DOMAIN.md's table up to 2,000 students.</summary>
    private static readonly Resources Ample = new(100, 30, 20, 10_000, 16_000, 5_000_000, 50);

    [Theory]
    [InlineData(Indicator.PeArtTeachers, 3, "3 more PE/art teachers")]
    [InlineData(Indicator.PeArtTeachers, 1, "1 more PE/art teacher")]
    [InlineData(Indicator.SportsArea, 1240, "1,240 m² more sports area")]
    [InlineData(Indicator.EquipmentValue, 410_000, "¥410,000 more equipment")]
    [InlineData(Indicator.MultimediaRooms, 2, "2 more networked multimedia classrooms")]
    [InlineData(Indicator.FloorArea, 0, "")]
    public void ForIndicator_Gap_InThePlannersUnit(Indicator indicator, double gap, string expected) =>
        Assert.Equal(expected, GapTexts.ForIndicator(indicator, gap));

    [Fact]
    public void Build_SchoolOverSizeClosesAndReopens_TwoPeriodsOfTheSizeItem()
    {
        // DOMAIN.md: a primary school may have at most 2,000 students.
        var school = new SchoolFacts("BD-P-900", "测试小学", EngineLevel.Primary,
            [new EngineEntry(ResourcePart.Primary, Term.Parse("2020-autumn"), Ample)], []);
        string[] terms = ["2020-autumn", "2021-spring", "2021-autumn"];
        int[] students = [2100, 1900, 2100];

        var list = RectificationBuilder.Build([.. terms.Select((t, k) => (t, (IReadOnlyList<AssessedSchool>)[Assessed(school, t, students[k])]))]);

        var size = list.Items.Where(i => i.Item == "size").ToList();
        Assert.Equal(2, size.Count);
        Assert.Equal(("2020-autumn", "2021-spring"), (size[0].OpenedTerm, size[0].ClosedTerm));
        Assert.Equal(("2021-autumn", ""), (size[1].OpenedTerm, size[1].ClosedTerm));
        Assert.All(size, i => Assert.Equal(V1.SchoolPart.Primary, i.Part));
    }

    [Fact]
    public void Build_ScheduledAdditionCoversTheGap_IndicatorClosesInItsTerm()
    {
        var thin = new Resources(100, 30, 10, 10_000, 16_000, 5_000_000, 50); // 10 PE/art teachers for 1,800: 0.56 < 0.9
        var school = new SchoolFacts("BD-P-901", "测试小学", EngineLevel.Primary,
            [new EngineEntry(ResourcePart.Primary, Term.Parse("2020-autumn"), thin)],
            [new EngineEntry(ResourcePart.Primary, Term.Parse("2021-autumn"), new Resources(0, 0, 7, 0, 0, 0, 0))]);
        string[] terms = ["2020-autumn", "2021-spring", "2021-autumn"];

        var list = RectificationBuilder.Build([.. terms.Select(t => (t, (IReadOnlyList<AssessedSchool>)[Assessed(school, t, 1800)]))]);

        var item = Assert.Single(list.Items);
        Assert.Equal((V1.Indicator.PeArtTeachers, "2020-autumn", "2021-autumn"), (item.Indicator, item.OpenedTerm, item.ClosedTerm));
    }

    [Fact]
    public void Csv_NameWithCommaAndQuote_RoundTripsWithBom()
    {
        var line = new AssessmentLine("BD-P-902", "一小, \"东\"校区", EnginePart.Primary, 100, "x", 1.5, 2, "no", 3, "3 more PE/art teachers", "yes");

        var bytes = AssessmentFiles.Csv("2020-autumn", [line]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2020-autumn", "BD-P-902", "一小, \"东\"校区", "primary", "100", "x", "1.5", "2", "no", "3", "3 more PE/art teachers", "yes"], rows[1]);
    }

    /// <summary>A school assessed in one term with its students spread evenly over grades 1–6 and 8 tracks.</summary>
    private static AssessedSchool Assessed(SchoolFacts school, string term, int students)
    {
        var enrolment = new int[9];
        for (var g = 0; g < 6; g++)
        {
            enrolment[g] = students / 6 + (g < students % 6 ? 1 : 0);
        }
        var row = new RunSchoolRow
        {
            Term = term, SchoolCode = school.Code, Open = true, Students = students, PrimaryTracks = 8,
            Enrolment = enrolment, Classes = new int[9], LargestClass = new int[9],
        };
        return new AssessedSchool(school, row, school.Assess(row, Standard.National2017));
    }
}
