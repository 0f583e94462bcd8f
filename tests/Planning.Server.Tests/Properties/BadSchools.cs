using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>A described edit that breaks a valid message.</summary>
public sealed record Break<T>(string Description, Action<T> Apply);

/// <summary>Ways to break the school of an OpenSchool change and the resources of a school.</summary>
public static class BadSchools
{
    private static Gen<Break<T>> B<T, TV>(Gen<TV> values, Func<TV, string> describe, Action<T, TV> apply) =>
        values.Select(v => new Break<T>(describe(v), s => apply(s, v)));

    private static string Short(string s) => Mutation.Short(s.Replace("\0", "\\0"));

    public static readonly Gen<Break<Resources>> Resources = Gen.OneOf(
        B<Resources, double>(BadValues.Amount, v => $"teachers_degree = {v}", (r, v) => r.TeachersDegree = v),
        B<Resources, double>(BadValues.Amount, v => $"floor_area_m2 = {v}", (r, v) => r.FloorAreaM2 = v),
        B<Resources, double>(BadValues.NonFinite, v => $"equipment_value_yuan = {v}", (r, v) => r.EquipmentValueYuan = v),
        B<Resources, double>(BadValues.NonFinite, v => $"multimedia_rooms = {v}", (r, v) => r.MultimediaRooms = v),
        B<Resources, SchoolPart>(Gen.OneOf(SchoolPart.Unspecified, (SchoolPart)99, (SchoolPart)(-3)), v => $"part = {v}", (r, v) => r.Part = v),
        B<Resources, string>(BadValues.Term, v => $"from_term = \"{Short(v)}\"", (r, v) => r.FromTerm = v));

    public static readonly Gen<Break<School>> School = Gen.OneOf(
        B<School, (double Lon, double Lat)>(BadValues.Location, v => $"lon, lat = {v.Lon}, {v.Lat}", (s, v) => (s.Lon, s.Lat) = v),
        B<School, SchoolLevel>(Gen.OneOf(SchoolLevel.Unspecified, (SchoolLevel)99, (SchoolLevel)(-1)), v => $"level = {v}", (s, v) => s.Level = v),
        B<School, SchoolKind>(Gen.OneOf(SchoolKind.Unspecified, (SchoolKind)42), v => $"kind = {v}", (s, v) => s.Kind = v),
        B<School, string>(Gen.OneOf(Gen.OneOf("BD-P-001", "BD-J-001"), BadValues.EmptyText, BadValues.TooLong(32)),
            v => $"code = \"{Short(v)}\"", (s, v) => s.Code = v),
        B<School, string>(Gen.OneOf(BadValues.EmptyText, BadValues.TooLong(100)), v => $"name = \"{Short(v)}\"", (s, v) => s.Name = v),
        B<School, string>(Gen.OneOf(Gen.OneOf("999", "120115", "120115101 x"), BadValues.EmptyText, BadValues.Huge),
            v => $"admin_area_code = \"{Short(v)}\"", (s, v) => s.AdminAreaCode = v),
        Gen.Const(new Break<School>("capacity = []", s => s.Capacity.Clear())),
        B<School, int>(Gen.OneOf(BadValues.Negative, BadValues.Above(40)), v => $"capacity[0].primary_tracks = {v}",
            (s, v) => s.Capacity[0].PrimaryTracks = v),
        B<School, int>(Gen.OneOf(BadValues.Negative, BadValues.Above(40), Gen.Int[1, 40]),
            v => $"capacity[0].junior_tracks = {v} (a primary school)", (s, v) => s.Capacity[0].JuniorTracks = v),
        B<School, string>(BadValues.Term, v => $"capacity[0].from_term = \"{Short(v)}\"", (s, v) => s.Capacity[0].FromTerm = v),
        Gen.Const(new Break<School>("capacity: two steps from the same term", s => s.Capacity.Add(s.Capacity[0].Clone()))),
        B<School, int>(Gen.OneOf(0, 1, 8, 10, 100), v => $"enrolment has {v} values", (s, v) =>
        {
            s.Enrolment.Clear();
            s.Enrolment.AddRange(Enumerable.Repeat(0, v));
        }),
        B<School, (int Grade, int Value)>(Gen.Select(Gen.Int[0, 8], Gen.OneOf(BadValues.Negative, BadValues.Above(10_000))),
            v => $"enrolment[{v.Grade}] = {v.Value}", (s, v) => s.Enrolment[v.Grade] = v.Value),
        B<School, int>(Gen.Int[6, 8], v => $"enrolment[{v}] = 30 (a primary school)", (s, v) => s.Enrolment[v] = 30),
        Resources.Select(r => new Break<School>($"resources[0].{r.Description}", s => r.Apply(s.Resources[0]))),
        Gen.Const(new Break<School>("resources[0].part = junior (a primary school)", s => s.Resources[0].Part = SchoolPart.Junior)));
}
