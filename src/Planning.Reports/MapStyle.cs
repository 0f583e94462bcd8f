using SkiaSharp;

namespace Planning.Reports;

/// <summary>Colours and sizes shared by the map, the legend and the report.</summary>
public static class MapStyle
{
    public static readonly SKColor Paper = SKColors.White;
    public static readonly SKColor OutsideDistrict = SKColor.Parse("#eef0f2");
    public static readonly SKColor DistrictFill = SKColor.Parse("#fbfbf8");
    public static readonly SKColor DistrictLine = SKColor.Parse("#303030");
    public static readonly SKColor AdminLine = SKColor.Parse("#6b6b6b");
    public static readonly SKColor Ink = SKColor.Parse("#202020");
    public static readonly SKColor MutedInk = SKColor.Parse("#5a5a5a");

    public static SKColor StatusColour(SchoolStatus status) => status switch
    {
        SchoolStatus.OverLimits => SKColor.Parse("#d32f2f"),
        SchoolStatus.New => SKColor.Parse("#1565c0"),
        SchoolStatus.Expanded => SKColor.Parse("#8e24aa"),
        _ => SKColor.Parse("#2e7d32"),
    };

    /// <summary>Symbol radius: area proportional to students, a school at the size limit (<paramref name="sizeLimit"/>) at <paramref name="unit"/> × 1.6.</summary>
    public static float SymbolRadius(int students, int sizeLimit, float unit) =>
        Math.Max(unit * 0.35f, unit * 1.6f * (float)Math.Sqrt(Math.Max(0, students) / (double)Math.Max(1, sizeLimit)));

    public static SKPaint Fill(SKColor colour) => new() { Color = colour, Style = SKPaintStyle.Fill, IsAntialias = true };

    public static SKPaint Stroke(SKColor colour, float width, float[]? dash = null) => new()
    {
        Color = colour,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        IsAntialias = true,
        StrokeJoin = SKStrokeJoin.Round,
        PathEffect = dash is null ? null : SKPathEffect.CreateDash(dash, 0),
    };
}
