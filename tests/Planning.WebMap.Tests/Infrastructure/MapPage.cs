using System.Text.Json;
using Microsoft.Playwright;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>The web map in one browser page, through its test hooks (window.planningMap) and its controls.</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public MapPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"console.error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add($"uncaught: {error}");
        page.RequestFailed += (_, request) => _errors.Add($"request failed: {request.Url} {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public async Task WaitReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => window.planningMap !== undefined");
        await Page.EvaluateAsync("() => window.planningMap.ready");
        await IdleAsync();
    }

    /// <summary>Waits until the latest redraw (after a control changed) has finished.</summary>
    public async Task IdleAsync()
    {
        await Page.EvaluateAsync("() => window.planningMap.idle()");
        // One more frame so that OpenLayers has drawn what the sources hold.
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    public Task<int> CatchmentCountAsync(int panel = 0) =>
        Page.EvaluateAsync<int>("p => window.planningMap.catchmentFeatureCount(p)", panel);

    public Task<string[]> CatchmentCodesAsync(int panel = 0) =>
        Page.EvaluateAsync<string[]>("p => window.planningMap.catchmentSchoolCodes(p)", panel);

    public Task<string> SignatureAsync(int panel = 0) =>
        Page.EvaluateAsync<string>("p => window.planningMap.drawnSignature(p)", panel);

    public Task<int> SchoolsDrawnAsync() => Page.EvaluateAsync<int>("() => window.planningMap.schoolsDrawn()");

    public Task<int> ChangedAreaCountAsync() => Page.EvaluateAsync<int>("() => window.planningMap.changedAreaCount()");

    public async Task<MapState> StateAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.planningMap.state()");
        return json.Deserialize<MapState>(JsonOptions)!;
    }

    public async Task<SelectedSchool?> SelectedSchoolAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement?>("() => window.planningMap.selectedSchool()");
        return json is { ValueKind: JsonValueKind.Object } j ? j.Deserialize<SelectedSchool>(JsonOptions) : null;
    }

    public async Task<SelectedArea?> SelectedAreaAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement?>("() => window.planningMap.selectedArea()");
        return json is { ValueKind: JsonValueKind.Object } j ? j.Deserialize<SelectedArea>(JsonOptions) : null;
    }

    public async Task ZoomToAsync(double lon, double lat, double zoom)
    {
        await Page.EvaluateAsync("([lon, lat, zoom]) => window.planningMap.zoomTo(lon, lat, zoom)", new[] { lon, lat, zoom });
        await IdleAsync();
    }

    /// <summary>Clicks a school's symbol with the mouse, as a planner would.</summary>
    public async Task ClickSchoolAsync(string code, int panel = 0)
    {
        var xy = await Page.EvaluateAsync<double[]?>("([c, p]) => window.planningMap.schoolPixel(c, p)", new object[] { code, panel });
        Assert.True(xy is { Length: 2 }, $"school {code} is not drawn");
        await Page.Mouse.ClickAsync((float)xy![0], (float)xy[1]);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(WebMapFixture.ScreenshotFolder, $"webmap-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Clicks a WGS84 point of the map with the mouse.</summary>
    public async Task ClickAtAsync(double lon, double lat, int panel = 0)
    {
        var xy = await Page.EvaluateAsync<double[]?>("([lon, lat, p]) => window.planningMap.pixelOf(lon, lat, p)", new object[] { lon, lat, panel });
        Assert.True(xy is { Length: 2 }, "the map has no pixel for that point");
        await Page.Mouse.ClickAsync((float)xy![0], (float)xy[1]);
    }

    public async Task AssertNoErrorsAsync()
    {
        var hookErrors = await Page.EvaluateAsync<string[]>("() => window.planningMap.errors()");
        var all = _errors.Concat(hookErrors.Select(e => $"page: {e}")).ToList();
        Assert.True(all.Count == 0, "errors in the page:\n" + string.Join("\n", all));
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record MapState(
    string? RunId, string Term, string[] Terms, string Part, string CompareMode, string? CompareRunId,
    bool SimulationAvailable, string CatchmentSource);

public sealed record SelectedSchool(
    string Code, string Name, int[] Enrolment, int[] Classes, int[] LargestClass, int Total, string? Highlighted);

public sealed record SelectedArea(string Code, int[] Students);
