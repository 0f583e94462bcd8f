using Grpc.Core;
using Planning.Reports;
using Planning.Server.Tests.Infrastructure;
using SkiaSharp;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>
/// ExportReport: the server draws the same report as the command line from its own queries, streams it
/// in chunks, and refuses bad requests naming every field.
/// </summary>
[Collection(ReportFixture.Name)]
public sealed class ExportReportTests(ReportFixture fixture)
{
    private const int ChunkLimit = 64 * 1024;

    [Fact]
    public async Task ExportReport_Pdf_SameReportAsTheCommandLine()
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest
        {
            RunId = fixture.AfterRun, CompareRunId = fixture.BeforeRun, Part = V1.SchoolPart.Primary, Format = V1.ReportFormat.Pdf,
        };

        var (chunks, bytes) = await ExportAsync(new V1.ReportService.ReportServiceClient(channel), request);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("application/pdf", chunks[0].ContentType);
        Assert.Equal($"report-{fixture.Result.Term}-primary-{fixture.AfterRun}.pdf", chunks[0].FileName);
        Assert.Equal(fixture.Pages.Count, chunks[0].Pages);
        Assert.True(chunks.Count > 1, $"{bytes.Length} bytes in {chunks.Count} chunk(s)");
        Assert.All(chunks, c => Assert.InRange(c.Data.Length, 1, ChunkLimit));
        Assert.All(chunks.Skip(1), c => Assert.Equal(("", "", 0), (c.FileName, c.ContentType, c.Pages)));
        var path = Path.Combine(fixture.Folder, "server.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        var pages = await Pdf.PagesAsync(path);
        // The same model from the server's own queries: every page reads as the command line's does.
        Assert.Equal(fixture.Pages.Count, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(fixture.Pages[i], pages[i]);
        }
    }

    [Fact]
    public async Task ExportReport_PngOfTheUrbanJuniorMap_DecodesAtTheAskedSizeWithCatchmentColours()
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest
        {
            RunId = fixture.AfterRun, Part = V1.SchoolPart.Junior, Urban = true, Format = V1.ReportFormat.Png, Width = 900, Height = 700,
        };

        var (chunks, bytes) = await ExportAsync(new V1.ReportService.ReportServiceClient(channel), request);

        Assert.Equal(("image/png", 1), (chunks[0].ContentType, chunks[0].Pages));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((900, 700), (bitmap.Width, bitmap.Height));
        var palette = CatchmentColours.Palette.ToHashSet();
        var coloured = bitmap.Pixels.Count(palette.Contains) / (double)bitmap.Pixels.Length;
        Assert.True(coloured > 0.2, $"only {coloured:P0} of the pixels are catchment colours");
    }

    [Fact]
    public async Task ExportReport_SameRequestsAtOnce_AllDrawTheSameImage()
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest
        {
            RunId = fixture.AfterRun, Part = V1.SchoolPart.Primary, Format = V1.ReportFormat.Png, Width = 400, Height = 300,
            Bbox = new V1.BoundingBox { MinLon = 117.25, MinLat = 39.68, MaxLon = 117.36, MaxLat = 39.75 },
        };

        var images = await Task.WhenAll(Enumerable.Range(0, 2 * Environment.ProcessorCount + 1)
            .Select(_ => ExportAsync(new V1.ReportService.ReportServiceClient(channel), request)));

        Assert.All(images, image => Assert.Equal(images[0].Bytes, image.Bytes));
    }

    [Fact]
    public async Task ExportReport_EveryFieldBad_InvalidArgumentNamingEach()
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest
        {
            RunId = "run-1", Term = "2021-summer", Part = V1.SchoolPart.Unspecified, Format = V1.ReportFormat.Unspecified,
            CompareRunId = "1.5", Width = 10, Height = 100_000, IssuingOffice = new string('局', 101),
            Bbox = new V1.BoundingBox { MinLon = double.NaN, MinLat = 39.6, MaxLon = 117.3, MaxLat = double.PositiveInfinity },
        };

        var e = await RpcAssert.FailsAsync(() => ExportAsync(new V1.ReportService.ReportServiceClient(channel), request), StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "run_id", "term", "part", "format", "compare_run_id", "width", "height", "issuing_office", "bbox.min_lon", "bbox.max_lat" },
            fields);
    }

    [Theory]
    [InlineData("part", "is required")]
    [InlineData("format", "7 is not a value of planning.v1.ReportFormat")] // refused by the screening of every request (Hosting/CheckedServiceMethods)
    [InlineData("bbox", "must have an area")]
    [InlineData("compare_run_id", "is the run itself")]
    public async Task ExportReport_OneFieldBad_InvalidArgumentSayingWhy(string field, string words)
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest { RunId = fixture.AfterRun, Part = V1.SchoolPart.Primary, Format = V1.ReportFormat.Png };
        switch (field)
        {
            case "part":
                request.Part = V1.SchoolPart.Unspecified;
                break;
            case "format":
                request.Format = (V1.ReportFormat)7;
                break;
            case "bbox":
                request.Bbox = new V1.BoundingBox { MinLon = 117.3, MinLat = 39.7, MaxLon = 117.3, MaxLat = 39.8 };
                break;
            default:
                request.CompareRunId = fixture.AfterRun.ToUpperInvariant();
                break;
        }

        var e = await RpcAssert.FailsAsync(() => ExportAsync(new V1.ReportService.ReportServiceClient(channel), request), StatusCode.InvalidArgument);

        var violation = Assert.Single(RpcAssert.Violations(e));
        Assert.Equal(field, violation.Field);
        Assert.Contains(words, violation.Description);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("term")]
    [InlineData("compared run")]
    public async Task ExportReport_UnknownRunOrTerm_NotFound(string unknown)
    {
        using var channel = fixture.Server.CreateChannel();
        var request = new V1.ExportReportRequest
        {
            RunId = unknown == "run" ? Guid.NewGuid().ToString() : fixture.AfterRun,
            Term = unknown == "term" ? "2030-autumn" : "",
            CompareRunId = unknown == "compared run" ? Guid.NewGuid().ToString() : "",
            Part = V1.SchoolPart.Primary,
            Format = V1.ReportFormat.Pdf,
        };

        await RpcAssert.FailsAsync(() => ExportAsync(new V1.ReportService.ReportServiceClient(channel), request), StatusCode.NotFound);
    }

    private static async Task<(List<V1.ExportReportResponse> Chunks, byte[] Bytes)> ExportAsync(
        V1.ReportService.ReportServiceClient client, V1.ExportReportRequest request)
    {
        using var call = client.ExportReport(request);
        var chunks = new List<V1.ExportReportResponse>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            chunks.Add(chunk);
        }
        return (chunks, [.. chunks.SelectMany(c => c.Data)]);
    }
}
