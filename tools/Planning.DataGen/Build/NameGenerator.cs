using Planning.DataGen.Core;

namespace Planning.DataGen.Build;

/// <summary>Plausible, district-wide unique Chinese names for villages and compounds, from syllable lists.</summary>
public sealed class NameGenerator(SeededRandom random)
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
        "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "沈", "彭",
        "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "阎", "杜", "田", "任", "姜", "范", "方", "石", "姚",
        "郝", "孔", "白", "崔", "康", "秦", "史", "侯", "孟", "段", "常", "武", "乔", "贺", "庞", "齐", "牛", "霍",
        "耿", "靳", "邢", "岳", "尹", "邵", "翟", "窦",
    ];

    private static readonly string[] VillageSuffixes =
    [
        "家庄", "庄", "庄子", "各庄", "辛庄", "家口", "家坨", "家套", "家堡", "家营", "家铺", "家湾", "家台", "家务",
        "官庄", "店", "屯", "桥", "家寨", "家窝", "家洼", "家码头", "家圈", "家集", "庄窠",
    ];

    private static readonly string[] VillageModifiers = ["东", "西", "南", "北", "大", "小", "前", "后", "新", "老", "上", "下"];

    private static readonly string[] CompoundStems =
    [
        "京津", "潮白", "渠阳", "广川", "南苑", "北苑", "东苑", "西苑", "金辰", "阳光", "锦绣", "华苑", "和平", "天宝",
        "银河", "嘉禾", "紫荆", "丽景", "翠湖", "御河", "康居", "幸福", "福源", "瑞景", "盛世", "明珠", "万隆", "滨河",
        "香榭", "怡园", "泰和", "安居", "春晓", "秀水", "玉兰", "海棠", "桃园", "书香", "文苑", "宝坻", "北城", "南城",
        "东城", "西城", "惠民", "建设", "光明", "胜利", "新华", "育才",
    ];

    private static readonly string[] OldCompoundSuffixes = ["小区", "里", "新村", "家园", "花园", "公寓", "苑", "嘉园", "佳苑"];

    private static readonly string[] NewCompoundSuffixes = ["华庭", "名邸", "尚城", "新城", "上院", "公馆", "府", "湾", "雅居", "名苑"];

    private static readonly string[] Numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A village name such as 李家庄村 or 西王庄子村.</summary>
    public string Village()
    {
        while (true)
        {
            var modifier = random.Chance(0.3) ? random.Pick(VillageModifiers) : string.Empty;
            var name = modifier + random.Pick(Surnames) + random.Pick(VillageSuffixes) + "村";
            if (_used.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>The village of a town seat: the town's name with 村, e.g. 大口屯村.</summary>
    public string SeatVillage(string townShortName)
    {
        var name = townShortName + "村";
        _used.Add(name);
        return name;
    }

    /// <summary>A compound name such as 钰华花园 or 潮阳家园; later phases get 二期, 三期 ….</summary>
    public string Compound(string streetShortName, bool isNew)
    {
        var suffixes = isNew ? NewCompoundSuffixes : OldCompoundSuffixes;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var stem = random.Chance(0.3) ? streetShortName : random.Pick(CompoundStems);
            var name = stem + random.Pick(suffixes);
            if (_used.Add(name))
            {
                return name;
            }
        }

        var baseName = (random.Chance(0.3) ? streetShortName : random.Pick(CompoundStems)) + random.Pick(suffixes);
        for (var phase = 2; ; phase++)
        {
            var name = baseName + ChineseNumber(phase) + "期";
            if (_used.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>Chinese numerals for 1–99, e.g. 12 → 十二, 20 → 二十.</summary>
    public static string ChineseNumber(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        if (n <= 10)
        {
            return Numerals[n];
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? string.Empty : Numerals[tens]) + "十" + (ones == 0 ? string.Empty : Numerals[ones]);
    }
}
