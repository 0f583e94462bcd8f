using NetTopologySuite.Geometries;

namespace Planning.DataGen.Model;

public enum AdminKind
{
    Street,
    Town,
}

/// <summary>An urban street (街道) or a town (镇) with an approximate boundary.</summary>
public sealed class AdminArea(string code, string name, AdminKind kind)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    public AdminKind Kind { get; } = kind;

    public int Population { get; set; }

    public Geometry Geometry { get; set; } = Polygon.Empty;

    /// <summary>The town seat or the street's anchor point (degrees).</summary>
    public Coordinate Seat { get; set; } = new();

    /// <summary>True when the seat is not from open data but placed by the generator.</summary>
    public bool SeatIsSynthetic { get; set; }

    /// <summary>The town's name without 镇/街道, e.g. 大口屯.</summary>
    public string ShortName => Name.EndsWith("街道", StringComparison.Ordinal) ? Name[..^2] : Name.TrimEnd('镇');
}
