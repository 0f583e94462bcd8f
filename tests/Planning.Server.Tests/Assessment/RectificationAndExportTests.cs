using System.Text;
using System.Xml.Linq;
using Grpc.Core;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>GetRectificationList and ExportAssessment through gRPC on stored Baodi runs.</summary>
[Collection(AssessmentCollection.Name)]
public sealed class RectificationAndExportTests(AssessmentRuns runs)
{
    private const int ChunkBytes = 64 * 1024;

    [Fact]
    public async Task GetRectificationList_PlanRun_ClosesItemsByTheHorizonAsTheSchoolAssessmentsShow()
    {
        var list = await runs.Assessment.GetRectificationListAsync(new GetRectificationListRequest { RunId = runs.Plan.Id });

        var terms = runs.Plan.Terms.ToList();
        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, i =>
        {
            Assert.Contains(i.OpenedTerm, terms);
            Assert.True(i.ClosedTerm.Length == 0 || terms.IndexOf(i.ClosedTerm) > terms.IndexOf(i.OpenedTerm), i.ToString());
            Assert.True(i.Indicator != Indicator.Unspecified || i.Item is "size" or "classes", i.ToString());
        });
        var closed = list.Items.Where(i => i.ClosedTerm.Length > 0).ToList();
        Assert.NotEmpty(closed);
        foreach (var item in closed.Take(5).Concat(list.Items.Where(i => i.ClosedTerm.Length == 0).Take(3)))
        {
            Assert.False(await HoldsAsync(runs.Plan, item, item.OpenedTerm), $"{item} should be open in {item.OpenedTerm}");
            var end = item.ClosedTerm.Length > 0 ? item.ClosedTerm : terms[^1];
            Assert.Equal(item.ClosedTerm.Length > 0, await HoldsAsync(runs.Plan, item, end));
        }
    }

    [Fact]
    public async Task GetRectificationList_KeepCurrentThenPlan_OvercrowdingIsAnItemOnlyWithoutRedistribution()
    {
        var keep = await runs.Assessment.GetRectificationListAsync(new GetRectificationListRequest { RunId = runs.Keep.Id });
        var plan = await runs.Assessment.GetRectificationListAsync(new GetRectificationListRequest { RunId = runs.Plan.Id });

        // DOMAIN.md: at most 2,000 students per primary school and 45 per class in grades 1–6.
        var size = keep.Items.Single(i => i.SchoolCode == AssessmentRuns.Overcrowded && i.Item == "size");
        Assert.Equal(("2020-autumn", SchoolPart.Primary, Indicator.Unspecified), (size.OpenedTerm, size.Part, size.Indicator));
        Assert.Contains(keep.Items, i => i.SchoolCode == AssessmentRuns.Overcrowded && i.Item == "classes");
        Assert.DoesNotContain(plan.Items, i => i.SchoolCode == AssessmentRuns.Overcrowded && i.Item is "size" or "classes");
    }

    [Fact]
    public async Task ExportAssessment_Csv_BomAndOneRowPerPartAndItem()
    {
        var district = await runs.Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = runs.Keep.Id, Term = "2020-autumn" });

        var (name, bytes) = await ExportAsync(AssessmentFormat.Csv);

        Assert.EndsWith(".csv", name);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        Assert.Equal(12, header.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        var data = rows.Skip(1).Where(r => r[1] != "district").ToList();
        // Seven indicators plus a school-size row and a class-size row per assessed part.
        var parts = district.Parts.Sum(p => p.Schools);
        Assert.Equal(parts * (7 + 2), data.Count);
        // Then seven coefficients and a verdict per level, and the district's verdict.
        Assert.Equal((district.Parts.Count * (7 + 1)) + 1, rows.Count(r => r[1] == "district"));
        Assert.All(data.GroupBy(r => (r[1], r[3])), g => Assert.Equal(9, g.Count()));
        var overcrowded = data.Where(r => r[1] == AssessmentRuns.Overcrowded).ToList();
        Assert.All(overcrowded, r => Assert.Equal("宝坻区第一小学", r[2]));
        Assert.Contains(overcrowded, r => r[5].StartsWith("school size", StringComparison.Ordinal) && r[8] == "no");
    }

    [Fact]
    public async Task ExportAssessment_SpreadsheetXml_WellFormedWithOneWorksheetPerPart()
    {
        var district = await runs.Assessment.AssessDistrictAsync(new AssessDistrictRequest { RunId = runs.Keep.Id, Term = "2020-autumn" });

        var (name, bytes) = await ExportAsync(AssessmentFormat.SpreadsheetXml);

        Assert.EndsWith(".xml", name);
        XNamespace ss = "urn:schemas-microsoft-com:office:spreadsheet";
        var workbook = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;
        Assert.Equal(ss + "Workbook", workbook.Name);
        var sheets = workbook.Elements(ss + "Worksheet").ToList();
        Assert.Equal(district.Parts.Count + 1, sheets.Count);
        for (var k = 0; k < district.Parts.Count; k++)
        {
            var rows = sheets[k].Element(ss + "Table")!.Elements(ss + "Row").ToList();
            // The header, nine rows per school part, then the level's seven coefficients and its verdict.
            Assert.Equal(1 + (district.Parts[k].Schools * 9) + 8, rows.Count);
        }
        Assert.Equal(2, sheets[^1].Element(ss + "Table")!.Elements(ss + "Row").Count());
    }

    /// <summary>True when the item is met in <paramref name="term"/>, as AssessSchool reports it.</summary>
    private async Task<bool> HoldsAsync(Run run, RectificationItem item, string term)
    {
        var school = await runs.Assessment.AssessSchoolAsync(new AssessSchoolRequest
        {
            RunId = run.Id, Term = term, SchoolCode = item.SchoolCode,
        });
        var parts = school.Parts.Where(p => item.Part == SchoolPart.Unspecified || p.Part == item.Part).ToList();
        return item.Item switch
        {
            "size" => parts.All(p => p.SizeOk),
            "classes" => parts.All(p => p.ClassesOk),
            _ => parts.All(p => p.Indicators.Single(i => i.Indicator == item.Indicator).Met),
        };
    }

    private async Task<(string Name, byte[] Bytes)> ExportAsync(AssessmentFormat format)
    {
        using var call = runs.Assessment.ExportAssessment(new ExportAssessmentRequest
        {
            RunId = runs.Keep.Id, Term = "2020-autumn", Format = format,
        });
        var chunks = new List<ExportAssessmentResponse>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            chunks.Add(chunk);
        }
        Assert.NotEmpty(chunks[0].FileName);
        Assert.All(chunks.Skip(1), c => Assert.Empty(c.FileName));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(ChunkBytes, c.Data.Length));
        Assert.InRange(chunks[^1].Data.Length, 1, ChunkBytes);
        return (chunks[0].FileName, [.. chunks.SelectMany(c => c.Data.ToByteArray())]);
    }
}
