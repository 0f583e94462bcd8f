namespace Planning.Server.WebMap;

/// <summary>
/// GET /web-map-settings.json: what the web map needs from the server's configuration, public like the
/// page itself. <c>WebMap:TileUrl</c> is an XYZ tile template (e.g. a bureau's own tile server,
/// <c>https://tiles.example/{z}/{x}/{y}.png</c>) drawn under the map with <c>WebMap:TileAttribution</c>;
/// both empty by default, and the page then draws the district and its towns alone.
/// </summary>
public static class WebMapSettings
{
    public const string Path = "/web-map-settings.json";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, (IConfiguration configuration) => Results.Json(new
        {
            tileUrl = configuration["WebMap:TileUrl"] ?? "",
            tileAttribution = configuration["WebMap:TileAttribution"] ?? "",
        })).AllowAnonymous();
}
