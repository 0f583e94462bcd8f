using System.Globalization;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Server.Assessment;

/// <summary>Gaps in the words and units a planner acts on: teachers to hire, m² to build, yuan to spend.</summary>
public static class GapTexts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>e.g. "3 more PE/art teachers", "1,240 m² more sports area", "¥410,000 more equipment"; empty when nothing is missing.</summary>
    public static string ForIndicator(Indicator indicator, double gap)
    {
        if (gap <= 0)
        {
            return "";
        }
        var n = Number(gap);
        return indicator switch
        {
            Indicator.DegreeTeachers => $"{n} more {Plural(gap, "teacher")} with an above-required degree",
            Indicator.BackboneTeachers => $"{n} more district-level backbone {Plural(gap, "teacher")}",
            Indicator.PeArtTeachers => $"{n} more PE/art {Plural(gap, "teacher")}",
            Indicator.FloorArea => $"{n} m² more teaching and auxiliary floor area",
            Indicator.SportsArea => $"{n} m² more sports area",
            Indicator.EquipmentValue => $"¥{n} more equipment",
            Indicator.MultimediaRooms => $"{n} more networked multimedia {Plural(gap, "classroom")}",
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
        };
    }

    /// <summary>e.g. "244 students over the limit of 2,000: move them to other schools".</summary>
    public static string ForSize(int over, int limit) => over <= 0
        ? ""
        : $"{Number(over)} {Plural(over, "student")} over the limit of {Number(limit)}: move {(over == 1 ? "it" : "them")} to other schools";

    /// <summary>e.g. "3 more classes (grade 1: 2, grade 4: 1)" for the grades over the class limit.</summary>
    public static string ForClasses(IEnumerable<ClassCheck> grades)
    {
        var over = grades.Where(g => !g.Met).ToList();
        if (over.Count == 0)
        {
            return "";
        }
        var total = over.Sum(g => g.ClassesShort);
        var detail = string.Join(", ", over.Select(g => $"grade {g.Grade}: {g.ClassesShort}"));
        return $"{Number(total)} more {Plural(total, "class", "classes")} ({detail})";
    }

    private static string Number(double value) => value.ToString("#,0", Invariant);

    private static string Plural(double count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
