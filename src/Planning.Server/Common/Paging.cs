using System.Globalization;
using NetTopologySuite.Geometries;
using Planning.Server.Common;
using Planning.V1;

namespace Planning.Server.Common;

/// <summary>Offset paging behind opaque tokens, and the bounding-box filter.</summary>
public static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static (int Offset, int Size) Read(PageRequest? page, Problems problems)
    {
        var size = page?.PageSize ?? 0;
        if (size is < 0 or > MaxPageSize)
        {
            problems.Add("page.page_size", $"must be from 1 to {MaxPageSize} (0 means {DefaultPageSize})");
        }
        var offset = 0;
        var token = page?.PageToken ?? "";
        if (token.Length > 0 && !TryDecode(token, out offset))
        {
            problems.Add("page.page_token", "is not a token this server issued");
        }
        return (offset, size == 0 ? DefaultPageSize : Math.Clamp(size, 1, MaxPageSize));
    }

    public static PageResponse Response(int offset, int size, int total) => new()
    {
        TotalCount = total,
        NextPageToken = offset + size < total ? Encode(offset + size) : "",
    };

    private static string Encode(int offset) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"o:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("o:", StringComparison.Ordinal)
                   && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The box as a polygon, or null when none was given.</summary>
    public static Geometry? Box(BoundingBox? box, Problems problems)
    {
        if (box is null)
        {
            return null;
        }
        var ok = true;
        foreach (var (name, value, limit) in new[]
                 {
                     ("min_lon", box.MinLon, 180.0), ("max_lon", box.MaxLon, 180.0),
                     ("min_lat", box.MinLat, 90.0), ("max_lat", box.MaxLat, 90.0),
                 })
        {
            if (!double.IsFinite(value) || Math.Abs(value) > limit)
            {
                problems.Add($"bbox.{name}", $"must be within ±{limit} degrees");
                ok = false;
            }
        }
        if (ok && (box.MinLon > box.MaxLon || box.MinLat > box.MaxLat))
        {
            problems.Add("bbox", "min must not exceed max; is the order lon, lat?");
            ok = false;
        }
        if (!ok)
        {
            return null;
        }
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        return factory.ToGeometry(new Envelope(box.MinLon, box.MaxLon, box.MinLat, box.MaxLat));
    }
}
