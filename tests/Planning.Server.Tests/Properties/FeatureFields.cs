using CsCheck;
using static Planning.Server.Tests.Properties.BadJson;

namespace Planning.Server.Tests.Properties;

/// <summary>A feature property and values that break it (docs/dataset-format.md).</summary>
public sealed record FeatureField(string Name, bool Required, Gen<string> Bad);

/// <summary>The properties of each layer of docs/dataset-format.md with their malformed values.</summary>
public static class FeatureFields
{
    private static readonly Gen<string> BadTextNotNull = Gen.OneOf(WrongTypeForText, Gen.OneOf("\"\"", "\"   \""), Huge);

    private static Gen<string> TooLong(int max) => Gen.Int[max + 1, max + 300].Select(n => Str(new string('码', n)));

    private static readonly Gen<string> Code = Gen.OneOf(BadText, TooLong(32));
    private static readonly Gen<string> Name = Gen.OneOf(BadText, TooLong(100));
    private static readonly Gen<string> AdminRef = Gen.OneOf(BadText, Gen.OneOf("\"999\"", "\"120115\"", "\"120115101 x\""));

    private static Gen<string> Enum(params string[] valid) => Gen.OneOf(BadText, Gen.OneOf(
        Str(valid[0].ToUpperInvariant()), Str(char.ToUpperInvariant(valid[0][0]) + valid[0][1..]), Str(valid[0] + "s"),
        "\"unknown\"", "\"0\"", "\"小学\"", Str(string.Join(",", valid))));

    private static string Nine(int index, string value) =>
        "[" + string.Join(",", Enumerable.Range(0, 9).Select(i => i == index ? value : "0")) + "]";

    private static readonly Gen<string> GradesNotNull = Gen.OneOf(
        Gen.OneOf("[]", "[1,2,3,4,5,6,7,8]", "[0,0,0,0,0,0,0,0,0,0]", "\"x\"", "{}", "5", "[[0,0,0,0,0,0,0,0,0]]"),
        Gen.Select(Gen.Int[0, 8], BadGrade, Nine));

    private static readonly Gen<string> Step = Gen.Select(Gen.Int[0, 3], BadTerm, BadTrackCount, (which, term, count) => which switch
    {
        0 => $"[{{\"from\":{term},\"primary\":0,\"junior\":0}}]",
        1 => $"[{{\"from\":\"2020-autumn\",\"primary\":{count},\"junior\":0}}]",
        2 => $"[{{\"from\":\"2020-autumn\",\"primary\":0,\"junior\":{count}}}]",
        _ => "[{\"from\":\"2020-autumn\",\"primary\":0}]",
    });

    private static readonly Gen<string> Tracks = Gen.OneOf(
        Gen.OneOf("[]", "\"x\"", "3", "{}", "null", "[1,2]", "[{}]", "[null]",
            "[{\"from\":\"2020-autumn\",\"primary\":0,\"junior\":0},{\"from\":\"2020-autumn\",\"primary\":0,\"junior\":0}]",
            "[{\"from\":\"2021-autumn\",\"primary\":0,\"junior\":0},{\"from\":\"2020-autumn\",\"primary\":0,\"junior\":0}]"),
        Step);

    private static readonly string[] Amounts =
    [
        "teachers_degree", "teachers_backbone", "teachers_pe_art", "floor_area_m2", "sports_area_m2",
        "equipment_value_yuan", "multimedia_rooms",
    ];

    private static readonly Gen<string> Resource = Gen.Select(Gen.Int[0, Amounts.Length + 1], Gen.Bool,
        Gen.OneOf(BadText, Gen.OneOf("\"senior\"", "\"PRIMARY\"", "\"nine_year\"")), BadTerm, BadAmount,
        (which, remove, part, term, amount) =>
        {
            var fields = new Dictionary<string, string> { ["part"] = "\"primary\"", ["from"] = "\"2020-autumn\"" };
            foreach (var a in Amounts)
            {
                fields[a] = "1.0";
            }
            var key = which == 0 ? "part" : which == 1 ? "from" : Amounts[which - 2];
            if (remove)
            {
                fields.Remove(key);
            }
            else
            {
                fields[key] = which == 0 ? part : which == 1 ? term : amount;
            }
            return "[{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}]";
        });

    private static readonly Gen<string> Resources = Gen.OneOf(Gen.OneOf("\"x\"", "3", "{}", "null", "[1]", "[null]", "[{}]"), Resource);

    private static readonly Gen<string> Ramp = Gen.OneOf(
        Gen.OneOf("[]", "[0.5]", "[1.5]", "[-0.1]", "[\"0.5\"]", "\"x\"", "3", "{}", "[null]", Raw("NaN"),
            "[" + string.Join(",", Enumerable.Repeat("0.5", 51)) + "]"),
        NonFinite.Select(n => $"[{n}]"));

    private static readonly Gen<string> SchoolRef = Gen.OneOf(BadTextNotNull, Gen.OneOf("\"BD-X-999\"", "\"bd-p-001\""));

    public static readonly FeatureField[] District =
    [
        new("code", true, Code), new("name", true, Name), new("population", true, BadCount),
    ];

    public static readonly FeatureField[] AdminAreas =
    [
        new("code", true, Code), new("name", true, Name), new("kind", true, Enum("town", "street")),
        new("population", true, BadCount), new("approximate", true, BadBool),
    ];

    public static readonly FeatureField[] Schools =
    [
        new("code", true, Code), new("name", true, Name), new("level", true, Enum("primary", "junior", "nine_year")),
        new("kind", true, Enum("existing", "new", "expanded")), new("admin_area", true, AdminRef),
        new("tracks", true, Tracks), new("resources", true, Resources), new("enrolment", true, Gen.OneOf(GradesNotNull, Gen.Const("null"))),
    ];

    public static readonly FeatureField[] ResidentialAreas =
    [
        new("code", true, Code), new("name", true, Name), new("kind", true, Enum("village", "compound")),
        new("admin_area", true, AdminRef), new("population", true, Gen.OneOf(BadCount, Gen.Const("3000000000"))),
        new("households", true, Gen.OneOf(BadCount, Gen.Const("2147483648"))), new("occupied_from", false, BadTerm),
        new("occupancy_ramp", false, Ramp), new("students", false, GradesNotNull),
        new("school_primary", false, Gen.OneOf(SchoolRef, Gen.Const("\"BD-J-001\""))),
        new("school_junior", false, Gen.OneOf(SchoolRef, Gen.Const("\"BD-P-001\""))),
    ];
}
