using System.Globalization;
using Planning.DataGen.Model;
using Planning.Engine.Rules;

namespace Planning.DataGen.Build;

/// <summary>
/// Codes (BD-P-001 primary, BD-J-001 junior, BD-N-001 nine-year, in list order) and names:
/// 宝坻区第N小学 / 宝坻区第N中学 in town, 宝坻区钰华九年制学校 for urban nine-year schools,
/// 大口屯镇中心小学, 大口屯镇李家庄小学, 大钟庄镇中学 and 黄庄镇王庄子九年制学校 in the towns.
/// </summary>
public static class SchoolNamer
{
    /// <summary>宝坻区第一中学 is the district's senior high school, so junior numbering starts at 二.</summary>
    private const int FirstJuniorNumber = 2;

    public static void Apply(IReadOnlyList<School> schools, IReadOnlyList<ResidentialArea> villages)
    {
        var counters = new Dictionary<SchoolLevel, int>();
        var urbanPrimary = 0;
        var urbanJunior = FirstJuniorNumber - 1;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var school in schools)
        {
            counters[school.Level] = counters.GetValueOrDefault(school.Level) + 1;
            var letter = school.Level switch
            {
                SchoolLevel.Primary => "P",
                SchoolLevel.Junior => "J",
                _ => "N",
            };
            school.Code = $"BD-{letter}-{counters[school.Level].ToString("000", CultureInfo.InvariantCulture)}";
            var town = school.AdminArea.Name;
            var village = villages.FirstOrDefault(v => v.Site.Equals2D(school.Location))?.Name.TrimEnd('村') ?? string.Empty;
            var name = school.Role switch
            {
                SchoolRole.UrbanPrimary => $"宝坻区第{NameGenerator.ChineseNumber(++urbanPrimary)}小学",
                SchoolRole.UrbanJunior => $"宝坻区第{NameGenerator.ChineseNumber(++urbanJunior)}中学",
                SchoolRole.UrbanNineYear => $"宝坻区{school.AdminArea.ShortName}九年制学校",
                SchoolRole.TownCentralPrimary => $"{town}中心小学",
                SchoolRole.VillagePrimary => $"{town}{village}小学",
                SchoolRole.TownJunior => $"{town}中学",
                _ => $"{town}{village}九年制学校",
            };
            school.Name = Unique(name, used);
        }
    }

    /// <summary>A second school of the same name becomes 第二…: 大钟庄镇第二中学, 宝坻区钰华第二九年制学校.</summary>
    private static string Unique(string name, HashSet<string> used)
    {
        if (used.Add(name))
        {
            return name;
        }

        var cut = name.EndsWith("九年制学校", StringComparison.Ordinal) ? name.Length - 5 : name.Length - 2;
        for (var n = 2; ; n++)
        {
            var candidate = name[..cut] + "第" + NameGenerator.ChineseNumber(n) + name[cut..];
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
