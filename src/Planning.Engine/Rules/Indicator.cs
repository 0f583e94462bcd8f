namespace Planning.Engine.Rules;

/// <summary>The seven resource indicators of the national standard (DOMAIN.md, table of seven indicators).</summary>
public enum Indicator
{
    /// <summary>1. Teachers with above-required degree per 100 students.</summary>
    DegreeTeachers,

    /// <summary>2. District-level-or-higher backbone teachers per 100 students.</summary>
    BackboneTeachers,

    /// <summary>3. PE and art (music, fine art) teachers per 100 students.</summary>
    PeArtTeachers,

    /// <summary>4. Teaching and auxiliary floor area per student, m².</summary>
    FloorArea,

    /// <summary>5. Sports ground and hall area per student, m².</summary>
    SportsArea,

    /// <summary>6. Teaching equipment value per student, yuan.</summary>
    EquipmentValue,

    /// <summary>7. Networked multimedia classrooms per 100 students.</summary>
    MultimediaRooms,
}

/// <summary>The unit of a gap: what a planner adds (or, for school size, moves out) to close it.</summary>
public enum GapUnit
{
    /// <summary>Whole teachers to hire or train.</summary>
    Teachers,

    /// <summary>Square metres to build.</summary>
    SquareMetres,

    /// <summary>Yuan of equipment to buy.</summary>
    Yuan,

    /// <summary>Whole classrooms to equip.</summary>
    Rooms,

    /// <summary>Classes to open in a grade (class-size items).</summary>
    Classes,

    /// <summary>Students over the school size limit (size items).</summary>
    Students,
}

/// <summary>Facts about each <see cref="Indicator"/>: how it is normalised and in what unit its gap is counted.</summary>
public static class Indicators
{
    /// <summary>The seven indicators in the order of the standard's table.</summary>
    public static IReadOnlyList<Indicator> All { get; } = Enum.GetValues<Indicator>();

    /// <summary>Students per which the indicator is counted: 100 for teachers and rooms, 1 for areas and equipment.</summary>
    public static int PerStudents(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers or Indicator.BackboneTeachers or Indicator.PeArtTeachers or Indicator.MultimediaRooms => 100,
        Indicator.FloorArea or Indicator.SportsArea or Indicator.EquipmentValue => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The indicator's name in the standard (国家义务教育优质均衡发展督导评估办法, 2017).</summary>
    public static string ChineseName(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "每百名学生拥有高于规定学历教师数",
        Indicator.BackboneTeachers => "每百名学生拥有县级及以上骨干教师数",
        Indicator.PeArtTeachers => "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
        Indicator.FloorArea => "生均教学及辅助用房面积",
        Indicator.SportsArea => "生均体育运动场馆面积",
        Indicator.EquipmentValue => "生均教学仪器设备值",
        Indicator.MultimediaRooms => "每百名学生拥有网络多媒体教室数",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The indicator's name in English.</summary>
    public static string EnglishName(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "Teachers with above-required degree per 100 students",
        Indicator.BackboneTeachers => "District-level-or-higher backbone teachers per 100 students",
        Indicator.PeArtTeachers => "PE and art (music, fine art) teachers per 100 students",
        Indicator.FloorArea => "Teaching and auxiliary floor area per student",
        Indicator.SportsArea => "Sports ground and hall area per student",
        Indicator.EquipmentValue => "Teaching equipment value per student",
        Indicator.MultimediaRooms => "Networked multimedia classrooms per 100 students",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The unit of a resource amount of the indicator: teachers, rooms, m² or yuan.</summary>
    public static string AmountUnit(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers or Indicator.BackboneTeachers or Indicator.PeArtTeachers => "teachers",
        Indicator.MultimediaRooms => "rooms",
        Indicator.FloorArea or Indicator.SportsArea => "m²",
        Indicator.EquipmentValue => "yuan",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The unit of the indicator's value: "per 100 students" counts, m² or yuan per student.</summary>
    public static string ValueUnit(Indicator indicator) =>
        PerStudents(indicator) == 1 ? $"{AmountUnit(indicator)} per student" : $"{AmountUnit(indicator)} per {PerStudents(indicator)} students";

    /// <summary>The unit in which the gap of <paramref name="indicator"/> is reported.</summary>
    public static GapUnit Unit(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers or Indicator.BackboneTeachers or Indicator.PeArtTeachers => GapUnit.Teachers,
        Indicator.FloorArea or Indicator.SportsArea => GapUnit.SquareMetres,
        Indicator.EquipmentValue => GapUnit.Yuan,
        Indicator.MultimediaRooms => GapUnit.Rooms,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };
}
