using System.Text.RegularExpressions;
using System.Xml.Linq;
using Planning.Client.Api;
using Planning.Cli.Maps;
using Planning.Reports;
using Planning.Server.Tests.Infrastructure;
using SkiaSharp;

namespace Planning.Server.Tests.Cli;

public sealed partial class MapCommandTests(ImportedServerFixture fixture) : IClassFixture<ImportedServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planning-map-").FullName;

    private PlanningServer Server => fixture.Server;

    /// <summary>Primary catchments in the data: the distinct current primary schools of the residential areas.</summary>
    private int PrimaryCatchments => fixture.Dataset.Features("residential_areas")
        .Select(a => (string?)a["school_primary"]).Where(s => s is not null).Distinct().Count();

    [Fact]
    public async Task MapPng_CurrentCatchments_HasRealContentAndDistinctCatchmentColours()
    {
        var path = Path.Combine(_folder, "map.png");
        var result = await CliHarness.RunAsync(Server, "map", "--out", path, "--width", "1200", "--height", "900");

        Assert.Equal(0, result.ExitCode);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((1200, 900), (bitmap.Width, bitmap.Height));
        var pixels = bitmap.Pixels;
        var background = new HashSet<SKColor> { MapStyle.Paper, MapStyle.OutsideDistrict };
        var content = pixels.Count(p => !background.Contains(p)) / (double)pixels.Length;
        Assert.True(content > 0.3, $"only {content:P0} of the pixels are not background");
        var palette = CatchmentColours.Palette.ToHashSet();
        var coloursSeen = pixels.Where(palette.Contains).GroupBy(p => p).Count(g => g.Count() >= 50);
        Assert.True(coloursSeen >= Math.Min(PrimaryCatchments, 6),
            $"{coloursSeen} catchment colours drawn for {PrimaryCatchments} catchments");
    }

    [Fact]
    public async Task MapData_ChineseLabels_ResolveToATypefaceWithTheGlyphs()
    {
        using var channel = Server.CreateChannel();
        using var client = new PlanningClient(channel);
        var data = await new MapDataLoader(client).LoadAsync(new MapRequest(Planning.V1.SchoolPart.Primary));
        var map = ReportMaps.Map(data, data.Scene, Planning.V1.SchoolPart.Primary, ReportView.District);

        using var typeface = MapFonts.Resolve(data.Texts());
        Assert.Contains("宝坻区", map.Title);
        Assert.True(MapFonts.HasGlyphs(typeface, map.Title), typeface.FamilyName);
        Assert.All(map.Schools, s => Assert.True(MapFonts.HasGlyphs(typeface, s.Name), s.Name));
        Assert.NotEmpty(map.Catchments);
        using var latin = SKTypeface.FromFamilyName("DejaVu Sans");
        Assert.False(latin is not null && latin.FamilyName == "DejaVu Sans" && MapFonts.HasGlyphs(latin, "宝坻区"),
            "the glyph check must tell a Latin-only font from a CJK one");
    }

    [Fact]
    public async Task MapSvg_UrbanZoom_ParsesAsXmlWithTheChineseTitle()
    {
        var path = Path.Combine(_folder, "urban.svg");
        var result = await CliHarness.RunAsync(Server, "map", "--urban", "--out", path);

        Assert.Equal(0, result.ExitCode);
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Descendants().Count(e => e.Name.LocalName == "path") > 3);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").ToList();
        Assert.Contains(texts, t => t.Value.Contains("学区图"));
        Assert.Contains(texts, t => ((string?)t.Attribute("font-family") ?? "").Contains("CJK"));
    }

    [Fact]
    public async Task MapPdf_BaseData_CoverBothMapsAndTablePages()
    {
        var path = Path.Combine(_folder, "report.pdf");
        var result = await CliHarness.RunAsync(Server, "map", "--level", "junior", "--out", path, "--json");

        Assert.Equal(0, result.ExitCode);
        var pages = result.Json().RootElement.GetProperty("file").GetProperty("pages").GetInt32();
        Assert.True(pages >= 7, $"{pages} pages: cover, two maps, grade tables of both parts, violations, the standard, sources");
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(pages, PageObject().Matches(System.Text.Encoding.Latin1.GetString(bytes)).Count);
    }

    [Theory]
    [InlineData("map", "--out", "map.jpg")]
    [InlineData("map", "--level", "nine-year")]
    [InlineData("map", "--width", "10")]
    [InlineData("map", "--urban", "--bbox", "117.2,39.6,117.4,39.8")]
    [InlineData("map", "--bbox", "117.3,39.6,117.3,39.8")]
    [InlineData("map", "--compare", "7669af50-44a9-47dd-88e6-e574e1f29a7d", "--out", "x.pdf")]
    [InlineData("map", "--issuer", " ", "--out", "x.pdf")]
    public async Task Map_BadArguments_ExitBadUsage(params string[] args)
    {
        var result = await CliHarness.RunAsync(Server, args);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Map_UnknownRun_ExitsNotFound()
    {
        var result = await CliHarness.RunAsync(Server, "map", "--run", Guid.NewGuid().ToString(), "--out", Path.Combine(_folder, "x.png"));

        Assert.Equal(3, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "x.png")));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
