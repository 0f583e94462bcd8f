using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Assessment;

/// <summary>Builders shared by the assessment tests.</summary>
internal static class Fixtures
{
    /// <summary>Resources holding, for each indicator, the amount <paramref name="amounts"/> gives.</summary>
    public static Resources With(Func<Indicator, double> amounts) => Resources.Of([.. Indicators.All.Select(amounts)]);

    /// <summary>
    /// Resources that meet every indicator of a part with <paramref name="students"/> students:
    /// each requirement rounded up to a whole unit.
    /// </summary>
    public static Resources Sufficient(SchoolPart part, int students) =>
        With(i => Math.Ceiling(Standard.National2017.Threshold(part, i) * students / Indicators.PerStudents(i)));

    /// <summary>The same resources with one indicator's amount replaced.</summary>
    public static Resources Replace(Resources r, Indicator indicator, double amount) =>
        With(i => i == indicator ? amount : r.AmountFor(i));

    /// <summary>A primary school with <paramref name="perGrade"/> students and <paramref name="classes"/> classes in each of grades 1–6.</summary>
    public static SchoolInput Primary(string code, int perGrade, int classes, Resources resources) =>
        SchoolInput.Create(code, [.. Enumerable.Repeat(perGrade, 6), 0, 0, 0], [.. Enumerable.Repeat(classes, 6), 0, 0, 0], resources, null);

    /// <summary>A junior school with <paramref name="perGrade"/> students and <paramref name="classes"/> classes in each of grades 7–9.</summary>
    public static SchoolInput Junior(string code, int perGrade, int classes, Resources resources) =>
        SchoolInput.Create(code, [0, 0, 0, 0, 0, 0, .. Enumerable.Repeat(perGrade, 3)], [0, 0, 0, 0, 0, 0, .. Enumerable.Repeat(classes, 3)], null, resources);

    /// <summary>A primary part of exactly <paramref name="students"/> students in grade 1, in classes of at most 45.</summary>
    public static SchoolInput PrimaryOf(string code, int students, Resources resources) =>
        SchoolInput.Create(code, [students, 0, 0, 0, 0, 0, 0, 0, 0], [(students + 44) / 45, 0, 0, 0, 0, 0, 0, 0, 0], resources, null);
}
