using NetTopologySuite.Geometries;
using Planning.Reports;
using Planning.Server.Tests.Infrastructure;
using SkiaSharp;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>Where the report puts its text, measured: inside its boxes and its page, whatever the sizes and names.</summary>
public sealed class ReportLayoutTests : IDisposable
{
    private readonly SKTypeface _typeface = MapFonts.Resolve(["宝坻区小学"]);
    private readonly string _folder = Directory.CreateTempSubdirectory("planning-layout-").FullName;

    private MapText Text => new(_typeface);

    [Theory]
    [InlineData(1000, 700, 0.6)] // the district on a report page: a 10 km bar
    [InlineData(1250, 900, 0.6)]
    [InlineData(200, 150, 0.6)]
    [InlineData(12000, 9000, 0.6)]
    [InlineData(800, 500, 0.1)] // the urban streets
    [InlineData(640, 480, 0.0004)] // a few tens of metres
    [InlineData(640, 480, 40)] // a country
    public void ScaleBar_AnyFrameAndView_LabelsInsideTheBoxInsideTheFrame(float width, float height, double degrees)
    {
        var frame = SKRect.Create(20, 30, width, height);
        var view = new Envelope(117.3 - (degrees / 2), 117.3 + (degrees / 2), 39.6 - (degrees / 3), 39.6 + (degrees / 3));
        var projection = new MapProjection(view, frame);

        var bar = ScaleBar.Layout(projection, Text, Math.Min(width, height) / 100);

        Assert.True(frame.Contains(bar.Box), $"box {bar.Box} outside frame {frame}");
        Assert.True(bar.Box.Contains(bar.Bar), $"bar {bar.Bar} outside box {bar.Box}");
        foreach (var (label, _, bounds) in bar.Labels)
        {
            Assert.True(bar.Box.Contains(bounds), $"\"{label}\" at {bounds} outside box {bar.Box}");
            Assert.Equal(Text.Width(label, bar.LabelSize), bounds.Width, 0.01);
        }
        // The bar is as long as the distance it names, in the projection's scale.
        Assert.Equal(bar.Metres, bar.Bar.Width * projection.MetresPerPixel, bar.Metres * 1e-4);
    }

    [Fact]
    public void ScaleBar_DistrictOnAReportPage_TenKilometresInItsBox()
    {
        // 0.6° of longitude at 39.6° N is 51 km; a fifth of it rounds down to 10 km.
        var frame = SKRect.Create(0, 0, 1000, 700);
        var bar = ScaleBar.Layout(new MapProjection(new Envelope(117.0, 117.6, 39.4, 39.8), frame), Text, 7);

        Assert.Equal("10 km", bar.Labels[^1].Text);
        Assert.True(bar.Box.Contains(bar.Labels[^1].Bounds));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    public void Header_LongScenarioName_StaysBetweenTheMarginsAndLeftOfTheOffice(int nameLength)
    {
        var data = SampleReport.Create(scenarioName: new string('方', nameLength));
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(SKRect.Create(ReportDocument.PageWidth, ReportDocument.PageHeight));

        var (left, right) = new ReportDocument(Text).Header(canvas, data);

        Assert.True(left.Left >= ReportDocument.Margin - 0.01, $"{left}");
        Assert.True(left.Right <= right.Left - 8, $"heading {left} runs into the office {right}");
        Assert.True(right.Right <= ReportDocument.PageWidth - ReportDocument.Margin + 0.01, $"{right}");
    }

    [Theory]
    [InlineData(842, 551, true)]
    [InlineData(2000, 1500, true)]
    [InlineData(390, 844, true)]
    [InlineData(640, 480, false)]
    public void Map_AnySize_TextsLegendInsetAndScaleBarInsideTheirPlaces(int width, int height, bool district)
    {
        var data = SampleReport.Create(scenarioName: new string('方', 80));
        var map = ReportMaps.Map(data, data.Scene, V1.SchoolPart.Primary, district ? ReportView.District : new ReportView(Urban: true));
        using var recorder = new SKPictureRecorder();
        var area = SKRect.Create(width, height);

        var layout = new MapRenderer(Text).Draw(recorder.BeginRecording(area), map, area);

        Assert.All(layout.Texts, t => Assert.True(area.Contains(t.Bounds), $"\"{t.Text}\" at {t.Bounds} outside {area}"));
        Assert.True(area.Contains(layout.Frame));
        Assert.True(area.Contains(layout.Legend), $"legend {layout.Legend} outside {area}");
        Assert.True(layout.Frame.Contains(layout.ScaleBar.Box));
        Assert.Equal(district, layout.Inset is not null);
        if (layout.Inset is { } inset)
        {
            Assert.True(area.Contains(inset));
            Assert.False(inset.IntersectsWith(layout.Frame), $"inset {inset} over the map {layout.Frame}");
            Assert.False(inset.IntersectsWith(layout.Legend), $"inset {inset} over the legend {layout.Legend}");
        }
    }

    [Fact]
    public async Task MapText_PdfTextLayer_TheCharactersDrawnOnceEach()
    {
        // Each of these has a radical or dash look-alike that Noto Sans CJK draws with the same glyph.
        const string line = "宝坻区小学 大口屯镇 – 方家庄 黄庄 西 一 牛 老 长 门 马";
        var path = Path.Combine(_folder, "text.pdf");
        using (var file = File.Create(path))
        using (var document = SKDocument.CreatePdf(file))
        {
            var canvas = document.BeginPage(595, 842);
            Text.Draw(canvas, line, 40, 100, 14, SKColors.Black);
            Text.Draw(canvas, line, 40, 200, 14, SKColors.Black, halo: true);
            document.EndPage();
            document.Close();
        }

        var text = await Pdf.TextAsync(path);

        Assert.Equal([line, line], text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != "\f"));
    }

    public void Dispose()
    {
        _typeface.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
