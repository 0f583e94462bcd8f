using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;

namespace Planning.WebMap.Tests;

/// <summary>The background tiles, the phone layout, and what the production page loads.</summary>
public sealed partial class WebMapTests
{
    private sealed record WebMapSettings(string TileUrl, string TileAttribution);

    private async Task<WebMapSettings> SettingsAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.WebAddress };
        // Public, like the page itself: no key.
        return (await http.GetFromJsonAsync<WebMapSettings>("/web-map-settings.json", MapPage.JsonOptions))!;
    }

    [Fact]
    public async Task Without_a_tile_server_the_map_draws_the_district_and_towns_alone()
    {
        Assert.Equal(new WebMapSettings("", ""), await SettingsAsync());
        await using var map = await fixture.OpenAsync();
        var elsewhere = new List<string>();
        map.Page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(fixture.Server.WebAddress.ToString(), StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(r.Url);
            }
        };
        await map.ZoomToAsync(117.305, 39.722, 13);

        Assert.Empty(elsewhere);
        Assert.False(await map.Page.Locator("#layer-background-row").IsVisibleAsync());
        Assert.Equal(0, await map.Page.Locator("#map-a .ol-attribution").CountAsync());
        Assert.True(await map.Page.Locator("#layer-district").IsCheckedAsync());
        Assert.True(await map.Page.Locator("#layer-admin").IsCheckedAsync());
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_configured_tile_server_is_drawn_under_the_map_with_its_attribution()
    {
        const string url = "http://tiles.bureau.test/baodi/{z}/{x}/{y}.png";
        const string attribution = "© 宝坻区规划和自然资源局 Baodi planning bureau tiles";
        var configuration = fixture.Server.Services.GetRequiredService<IConfiguration>();
        configuration["WebMap:TileUrl"] = url;
        configuration["WebMap:TileAttribution"] = attribution;
        try
        {
            Assert.Equal(new WebMapSettings(url, attribution), await SettingsAsync());
            await using var map = await fixture.NewPageAsync();
            var tiles = new List<string>();
            // The bureau's tile server, as the browser would reach it: a PNG for every tile asked for.
            await map.Page.RouteAsync("http://tiles.bureau.test/**", async route =>
            {
                lock (tiles)
                {
                    tiles.Add(new Uri(route.Request.Url).AbsolutePath);
                }
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = OnePixelPng });
            });
            await map.Page.GotoAsync(fixture.AddressWith(key: fixture.Server.AdminKey));
            await map.WaitReadyAsync();
            await map.ZoomToAsync(117.305, 39.722, 12);

            int count;
            lock (tiles)
            {
                count = tiles.Count;
                Assert.True(count > 0, "no tile was asked for");
                Assert.All(tiles, t => Assert.Matches(@"^/baodi/12/\d+/\d+\.png$|^/baodi/\d+/\d+/\d+\.png$", t));
                Assert.Contains(tiles, t => t.StartsWith("/baodi/12/", StringComparison.Ordinal));
            }
            Assert.Contains(attribution, await map.Page.InnerTextAsync("#map-a .ol-attribution"));
            Assert.True(await map.Page.Locator("#layer-background").IsCheckedAsync());
            Log(await map.ScreenshotAsync("background"));

            // Off: no more tiles are asked for.
            await map.Page.UncheckAsync("#layer-background");
            await map.ZoomToAsync(117.1, 39.6, 13);
            lock (tiles)
            {
                Assert.Equal(count, tiles.Count);
            }
            await map.AssertNoErrorsAsync();
        }
        finally
        {
            configuration["WebMap:TileUrl"] = "";
            configuration["WebMap:TileAttribution"] = "";
        }
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48uIBAAVgAq3NKV1BAAAAAElFTkSuQmCC"); // one light grey pixel

    [Fact]
    public async Task On_a_phone_the_map_takes_the_screen_and_the_side_panel_collapses()
    {
        await using var map = await fixture.OpenWithKeyAsync(fixture.Server.AdminKey, width: 390, height: 844);

        var mapBox = (await map.Page.Locator("#map-a").BoundingBoxAsync())!;
        var panelBox = (await map.Page.Locator("#sidebar").BoundingBoxAsync())!;
        Assert.Equal(390, mapBox.Width, 1);
        Assert.True(mapBox.Height >= 0.9 * 844, $"the map is {mapBox.Height} px high of 844");
        Assert.True(panelBox.Height <= 60, $"the collapsed panel is {panelBox.Height} px high");
        Assert.False(await map.Page.Locator("#run").IsVisibleAsync());
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), await map.CatchmentCountAsync());
        Log(await map.ScreenshotAsync("phone"));

        // The panel opens over the map and closes again.
        await map.Page.ClickAsync("#panel-toggle");
        Assert.True(await map.Page.Locator("#run").IsVisibleAsync());
        Assert.True(await map.Page.Locator("#part-junior").IsVisibleAsync());
        Assert.Equal("true", await map.Page.GetAttributeAsync("#panel-toggle", "aria-expanded"));
        Log(await map.ScreenshotAsync("phone-panel"));
        await map.Page.CheckAsync("#part-junior");
        await map.IdleAsync();
        await map.Page.ClickAsync("#panel-toggle");
        Assert.False(await map.Page.Locator("#run").IsVisibleAsync());
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Junior), await map.CatchmentCountAsync());

        // A school's panel fits the screen.
        var school = (await _truth.TermResultAsync(DefaultRun, FirstTerm)).Schools.Where(s => s.Open && s.Level == SchoolLevel.Junior).MaxBy(s => s.Total)!;
        await SelectSchoolAsync(map, school.SchoolCode);
        var info = (await map.Page.Locator("#info-box").BoundingBoxAsync())!;
        Assert.True(info.X >= 0 && info.X + info.Width <= 390, "the school panel does not fit the screen's width");
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task The_page_itself_loads_no_test_hooks()
    {
        await using var map = await fixture.NewPageAsync(hooks: false);
        await map.Page.GotoAsync(fixture.AddressWith(key: fixture.Server.AdminKey));
        await map.Page.WaitForFunctionAsync("() => performance.getEntriesByName('planning:map-drawn').length > 0", null,
            new PageWaitForFunctionOptions { Timeout = 120_000 });

        Assert.True(await map.Page.EvaluateAsync<bool>("() => window.planningMap === undefined"));
        var scripts = await map.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('script[src], link[rel=modulepreload]')].map(e => e.src || e.href)");
        var loaded = await map.Page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(r => r.name)");
        Assert.NotEmpty(scripts);
        Assert.DoesNotContain(loaded, u => u.Contains("test-hooks", StringComparison.Ordinal));
        using var http = new HttpClient();
        foreach (var src in scripts.Concat(loaded.Where(u => u.EndsWith(".js", StringComparison.Ordinal))).Distinct())
        {
            var text = await http.GetStringAsync(src);
            Assert.DoesNotContain("planningMap", text);
        }
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), await CatchmentsOfProductionPageAsync(map));
        Assert.Empty(map.Errors);
    }

    /// <summary>Catchments drawn, read from the legend (the production page has no hooks).</summary>
    private static async Task<int> CatchmentsOfProductionPageAsync(MapPage map)
    {
        var text = await map.Page.InnerTextAsync("#legend h3");
        return int.Parse(text.Split(':')[^1].Trim().Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
