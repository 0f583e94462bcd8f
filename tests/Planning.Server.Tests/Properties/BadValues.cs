using CsCheck;

namespace Planning.Server.Tests.Properties;

/// <summary>Malformed protobuf field values: terms, texts, codes, numbers.</summary>
public static class BadValues
{
    public static readonly Gen<string> Huge = Gen.OneOf(Gen.Const('x'), Gen.Const('校'), Gen.Const('\0'))
        .Select(c => new string(c, BadJson.HugeLength));

    public static readonly Gen<string> Term = Gen.OneOf(
        Gen.OneOf("2020-Autumn", "autumn 2020", "2020-winter", "1900-autumn", "2100-spring", "2020-autumn ", " 2020-autumn",
            "2020autumn", "20-autumn", "", "2020", "-2020-autumn", "２０２０-autumn", "2020-autumn\0"),
        Huge);

    public static readonly Gen<string> UnknownSchool = Gen.OneOf(
        Gen.Int[0, 99_999].Select(n => $"XX-{n}"), Gen.OneOf("bd-p-001", "120115101201", "", "   "), Huge);

    public static readonly Gen<string> EmptyText = Gen.OneOf("", " ", "\t\n", "　");

    public static Gen<string> TooLong(int max) => Gen.OneOf(Gen.Int[max + 1, max + 500].Select(n => new string('名', n)), Huge);

    public static readonly Gen<double> NonFinite = Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Not a longitude or latitude inside the district: non-finite, out of range, elsewhere on earth.</summary>
    public static readonly Gen<(double Lon, double Lat)> Location = Gen.OneOf(
        Gen.Select(NonFinite, Gen.Bool, (bad, lon) => lon ? (bad, 39.7) : (117.3, bad)),
        Gen.Select(Gen.OneOf(1e300, -1e300, 181, -181, 360, double.MaxValue, double.MinValue), Gen.Bool,
            (bad, lon) => lon ? (bad, 39.7) : (117.3, bad)),
        Gen.OneOf((0.0, 0.0), (39.7, 117.3), (-117.3, -39.7), (117.3, 91.0), (116.0, 39.0)));

    /// <summary>Negative, non-finite or absurdly large amounts (teachers, m², yuan).</summary>
    public static readonly Gen<double> Amount = Gen.OneOf(NonFinite, Gen.Double[-1e300, -1e-9], Gen.Const(double.MinValue));

    public static readonly Gen<int> Negative = Gen.OneOf(Gen.Int[int.MinValue, -1], Gen.Const(-1), Gen.Const(int.MinValue));

    public static Gen<int> Above(int max) => Gen.OneOf(Gen.Int[max + 1, int.MaxValue], Gen.Const(max + 1), Gen.Const(int.MaxValue));
}
