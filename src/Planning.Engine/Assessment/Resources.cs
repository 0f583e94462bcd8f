using Planning.Engine.Rules;
namespace Planning.Engine.Assessment;

/// <summary>
/// What one school part has behind the seven indicators (docs/dataset-format.md, resource fields).
/// Used both for a school's stock and for a scheduled addition. Every amount is finite and ≥ 0.
/// </summary>
public sealed record Resources
{
    /// <summary>The empty stock: a school not yet open, or a part without any entry.</summary>
    public static Resources Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Creates a stock or an addition; throws when any amount is negative or not finite.</summary>
    public Resources(
        int teachersDegree,
        int teachersBackbone,
        int teachersPeArt,
        double floorAreaM2,
        double sportsAreaM2,
        double equipmentValueYuan,
        int multimediaRooms)
    {
        TeachersDegree = Count(teachersDegree, nameof(teachersDegree));
        TeachersBackbone = Count(teachersBackbone, nameof(teachersBackbone));
        TeachersPeArt = Count(teachersPeArt, nameof(teachersPeArt));
        FloorAreaM2 = Amount(floorAreaM2, nameof(floorAreaM2));
        SportsAreaM2 = Amount(sportsAreaM2, nameof(sportsAreaM2));
        EquipmentValueYuan = Amount(equipmentValueYuan, nameof(equipmentValueYuan));
        MultimediaRooms = Count(multimediaRooms, nameof(multimediaRooms));
    }

    /// <summary>Teachers with above-required degree.</summary>
    public int TeachersDegree { get; }

    /// <summary>District-level-or-higher backbone teachers.</summary>
    public int TeachersBackbone { get; }

    /// <summary>PE, music and fine-art teachers.</summary>
    public int TeachersPeArt { get; }

    /// <summary>Teaching and auxiliary floor area, m².</summary>
    public double FloorAreaM2 { get; }

    /// <summary>Sports ground and hall area, m².</summary>
    public double SportsAreaM2 { get; }

    /// <summary>Teaching equipment value, yuan.</summary>
    public double EquipmentValueYuan { get; }

    /// <summary>Networked multimedia classrooms.</summary>
    public int MultimediaRooms { get; }

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

    /// <summary>This stock with <paramref name="addition"/> added, item by item.</summary>
    public Resources Plus(Resources addition)
    {
        ArgumentNullException.ThrowIfNull(addition);
        return new Resources(
            checked(TeachersDegree + addition.TeachersDegree),
            checked(TeachersBackbone + addition.TeachersBackbone),
            checked(TeachersPeArt + addition.TeachersPeArt),
            FloorAreaM2 + addition.FloorAreaM2,
            SportsAreaM2 + addition.SportsAreaM2,
            EquipmentValueYuan + addition.EquipmentValueYuan,
            checked(MultimediaRooms + addition.MultimediaRooms));
    }

    private static int Count(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be ≥ 0");

    private static double Amount(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "must be finite and ≥ 0");
}
