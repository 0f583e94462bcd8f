namespace Planning.Engine.Rules;

/// <summary>
/// The largest amount one resource entry (a school part's stock, or one scheduled addition) may
/// state, per indicator (docs/dataset-format.md, "Resource fields"). Far above any real school
/// (the largest allowed school, 2,500 pupils, needs about 130 degree teachers, 26,000 m² of sports
/// area and ¥6.3 million of equipment), low enough that no sum, square or quotient of the
/// assessment can overflow or lose its meaning: every path stays finite.
/// </summary>
public static class ResourceLimits
{
    /// <summary>Teachers of each kind, and multimedia rooms: 10,000.</summary>
    public const double MaxCount = 10_000;

    /// <summary>Floor area and sports area: 1,000,000 m² (100 ha).</summary>
    public const double MaxAreaM2 = 1_000_000;

    /// <summary>Equipment value: ¥10,000,000,000.</summary>
    public const double MaxEquipmentYuan = 10_000_000_000;

    /// <summary>The largest amount allowed for <paramref name="indicator"/>.</summary>
    public static double Maximum(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers or Indicator.BackboneTeachers or Indicator.PeArtTeachers or Indicator.MultimediaRooms => MaxCount,
        Indicator.FloorArea or Indicator.SportsArea => MaxAreaM2,
        Indicator.EquipmentValue => MaxEquipmentYuan,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The field of docs/dataset-format.md and the contract that holds <paramref name="indicator"/>'s amount.</summary>
    public static string FieldName(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "teachers_degree",
        Indicator.BackboneTeachers => "teachers_backbone",
        Indicator.PeArtTeachers => "teachers_pe_art",
        Indicator.FloorArea => "floor_area_m2",
        Indicator.SportsArea => "sports_area_m2",
        Indicator.EquipmentValue => "equipment_value_yuan",
        Indicator.MultimediaRooms => "multimedia_rooms",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>Why <paramref name="value"/> cannot be an amount of <paramref name="indicator"/>, or null when it can.</summary>
    public static string? Problem(Indicator indicator, double value)
    {
        var most = Maximum(indicator);
        return double.IsFinite(value) && value >= 0 && value <= most
            ? null
            : $"must be a number from 0 to {most.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
