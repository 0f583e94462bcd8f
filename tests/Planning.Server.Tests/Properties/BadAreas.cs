using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>Ways to break the residential area of an AddResidentialArea change.</summary>
public static class BadAreas
{
    private static Gen<Break<ResidentialArea>> B<TV>(Gen<TV> values, Func<TV, string> describe, Action<ResidentialArea, TV> apply) =>
        values.Select(v => new Break<ResidentialArea>(describe(v), a => apply(a, v)));

    private static string Short(string s) => Mutation.Short(s.Replace("\0", "\\0"));

    /// <summary>Text that is no GeoJSON Polygon or MultiPolygon inside the district.</summary>
    public static readonly Gen<string> GeoJson = Gen.OneOf(
        BadGeometry.Area.Select(BadJson.Unwrap),
        Gen.OneOf("", "   ", "null", "{}", "[]", "42", "\"x\"", "{{{", "{\"type\":\"Polygon\",\"coordinates\":[[[117.36,39.76],[117.38",
            "<Polygon/>", "POLYGON((117.36 39.76,117.38 39.76,117.38 39.78,117.36 39.76))",
            ValidChanges.Square + ValidChanges.Square, new string('[', 10_000) + new string(']', 10_000)),
        BadValues.Huge);

    public static readonly Gen<Break<ResidentialArea>> Area = Gen.Frequency(
        (8, B(GeoJson, v => $"geometry_geojson = {Short(v)}", (a, v) => a.GeometryGeojson = v)),
        (1, B(Gen.OneOf(ResidentialAreaKind.Unspecified, (ResidentialAreaKind)7), v => $"kind = {v}", (a, v) => a.Kind = v)),
        (1, B(Gen.OneOf(Gen.OneOf("120115101201", "120115101203"), BadValues.EmptyText, BadValues.TooLong(32)),
            v => $"code = \"{Short(v)}\"", (a, v) => a.Code = v)),
        (1, B(Gen.OneOf(BadValues.EmptyText, BadValues.TooLong(100)), v => $"name = \"{Short(v)}\"", (a, v) => a.Name = v)),
        (1, B(Gen.OneOf(Gen.OneOf("999", "120115"), BadValues.EmptyText, BadValues.Huge),
            v => $"admin_area_code = \"{Short(v)}\"", (a, v) => a.AdminAreaCode = v)),
        (1, B(BadValues.Negative, v => $"population = {v}", (a, v) => a.Population = v)),
        (1, B(BadValues.Negative, v => $"households = {v}", (a, v) => a.Households = v)),
        (1, B(BadValues.Term.Where(t => t.Length > 0), v => $"occupied_from = \"{Short(v)}\"", (a, v) => a.OccupiedFrom = v)),
        (1, B(Gen.OneOf(BadValues.NonFinite, Gen.OneOf(1.5, -0.1, 1e300, -1e300)), v => $"occupancy_ramp[1] = {v}",
            (a, v) => a.OccupancyRamp[1] = v)),
        (1, B(Gen.OneOf(1, 5, 8, 10, 1000), v => $"students has {v} values", (a, v) => a.Students.AddRange(Enumerable.Repeat(1, v)))),
        (1, B(Gen.Select(Gen.Int[0, 8], Gen.OneOf(BadValues.Negative, BadValues.Above(100_000))), v => $"students[{v.Item1}] = {v.Item2}",
            (a, v) =>
            {
                a.Students.AddRange(Enumerable.Repeat(1, 9));
                a.Students[v.Item1] = v.Item2;
            })),
        (1, B(Gen.OneOf(BadValues.UnknownSchool.Where(c => c.Trim().Length > 0), Gen.Const("BD-J-001")),
            v => $"school_primary_code = \"{Short(v)}\"", (a, v) => a.SchoolPrimaryCode = v)),
        (1, B(Gen.OneOf(BadValues.UnknownSchool.Where(c => c.Trim().Length > 0), Gen.Const("BD-P-001")),
            v => $"school_junior_code = \"{Short(v)}\"", (a, v) => a.SchoolJuniorCode = v)));
}
