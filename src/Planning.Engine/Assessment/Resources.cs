using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>
/// What one school part has behind the seven indicators (docs/dataset-format.md, resource fields).
/// Used both for a school's stock and for a scheduled addition. Every amount is used exactly as
/// given: teachers are full-time equivalents (0.5 is half a post) and nothing is rounded
/// (DOMAIN.md, "a resource value is used exactly as stored").
/// </summary>
public sealed record Resources
{
    /// <summary>The empty stock: a school not yet open, or a part without any entry.</summary>
    public static Resources Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Creates a stock or an addition; throws when any amount is negative or not finite.</summary>
    public Resources(
        double teachersDegree,
        double teachersBackbone,
        double teachersPeArt,
        double floorAreaM2,
        double sportsAreaM2,
        double equipmentValueYuan,
        double multimediaRooms)
    {
        TeachersDegree = Amount(teachersDegree, nameof(teachersDegree));
        TeachersBackbone = Amount(teachersBackbone, nameof(teachersBackbone));
        TeachersPeArt = Amount(teachersPeArt, nameof(teachersPeArt));
        FloorAreaM2 = Amount(floorAreaM2, nameof(floorAreaM2));
        SportsAreaM2 = Amount(sportsAreaM2, nameof(sportsAreaM2));
        EquipmentValueYuan = Amount(equipmentValueYuan, nameof(equipmentValueYuan));
        MultimediaRooms = Amount(multimediaRooms, nameof(multimediaRooms));
    }

    /// <summary>Teachers with above-required degree (full-time equivalents).</summary>
    public double TeachersDegree { get; }

    /// <summary>District-level-or-higher backbone teachers (full-time equivalents).</summary>
    public double TeachersBackbone { get; }

    /// <summary>PE, music and fine-art teachers (full-time equivalents).</summary>
    public double TeachersPeArt { get; }

    /// <summary>Teaching and auxiliary floor area, m².</summary>
    public double FloorAreaM2 { get; }

    /// <summary>Sports ground and hall area, m².</summary>
    public double SportsAreaM2 { get; }

    /// <summary>Teaching equipment value, yuan.</summary>
    public double EquipmentValueYuan { get; }

    /// <summary>Networked multimedia classrooms (a room shared with another part counts as the share it serves).</summary>
    public double MultimediaRooms { get; }

    /// <summary>The amount that <paramref name="indicator"/> divides by the enrolment.</summary>
    public double AmountFor(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => TeachersDegree,
        Indicator.BackboneTeachers => TeachersBackbone,
        Indicator.PeArtTeachers => TeachersPeArt,
        Indicator.FloorArea => FloorAreaM2,
        Indicator.SportsArea => SportsAreaM2,
        Indicator.EquipmentValue => EquipmentValueYuan,
        Indicator.MultimediaRooms => MultimediaRooms,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>A stock from seven amounts in <see cref="Indicator"/> order.</summary>
    public static Resources Of(IReadOnlyList<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (amounts.Count != Indicators.All.Count)
        {
            throw new ArgumentException("one amount per indicator", nameof(amounts));
        }

        return new Resources(amounts[0], amounts[1], amounts[2], amounts[3], amounts[4], amounts[5], amounts[6]);
    }

    /// <summary>This stock with <paramref name="addition"/> added, item by item.</summary>
    public Resources Plus(Resources addition)
    {
        ArgumentNullException.ThrowIfNull(addition);
        return Of([.. Indicators.All.Select(i => AmountFor(i) + addition.AmountFor(i))]);
    }

    /// <summary>This stock with every amount multiplied by <paramref name="share"/> (0–1): a part's share of shared resources.</summary>
    public Resources Times(double share)
    {
        if (!double.IsFinite(share) || share < 0 || share > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "a share is from 0 to 1");
        }

        return Of([.. Indicators.All.Select(i => AmountFor(i) * share)]);
    }

    private static double Amount(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "must be finite and ≥ 0");
}
