namespace Planning.V1;

/// <summary>
/// The one place that pairs each of the standard's seven indicators with its amount field of
/// <c>planning.v1.Resources</c>, so neither server nor client lists the fields itself.
/// </summary>
public sealed partial class Resources
{
    /// <summary>The indicators in the standard's order, 1 to 7.</summary>
    public static IReadOnlyList<Indicator> Indicators { get; } =
        [Indicator.DegreeTeachers, Indicator.BackboneTeachers, Indicator.PeArtTeachers, Indicator.FloorArea,
         Indicator.SportsArea, Indicator.EquipmentValue, Indicator.MultimediaRooms];

    /// <summary>The amount of <paramref name="indicator"/>'s resource: teachers, m², yuan or rooms.</summary>
    public double Amount(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => TeachersDegree,
        Indicator.BackboneTeachers => TeachersBackbone,
        Indicator.PeArtTeachers => TeachersPeArt,
        Indicator.FloorArea => FloorAreaM2,
        Indicator.SportsArea => SportsAreaM2,
        Indicator.EquipmentValue => EquipmentValueYuan,
        Indicator.MultimediaRooms => MultimediaRooms,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not one of the standard's seven indicators"),
    };

    /// <summary>Sets the amount of <paramref name="indicator"/>'s resource.</summary>
    public void SetAmount(Indicator indicator, double value)
    {
        switch (indicator)
        {
            case Indicator.DegreeTeachers: TeachersDegree = value; break;
            case Indicator.BackboneTeachers: TeachersBackbone = value; break;
            case Indicator.PeArtTeachers: TeachersPeArt = value; break;
            case Indicator.FloorArea: FloorAreaM2 = value; break;
            case Indicator.SportsArea: SportsAreaM2 = value; break;
            case Indicator.EquipmentValue: EquipmentValueYuan = value; break;
            case Indicator.MultimediaRooms: MultimediaRooms = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not one of the standard's seven indicators");
        }
    }
}
