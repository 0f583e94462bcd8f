using NetTopologySuite.Geometries;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Tests;

/// <summary>Hand-made districts on a line near Baodi: positions are given in metres east of an origin.</summary>
internal static class Fixtures
{
    public const double OriginLongitude = 117.3;
    public const double OriginLatitude = 39.7;

    public static readonly Term Autumn2020 = new(2020, Season.Autumn);
    public static readonly Term Spring2021 = new(2021, Season.Spring);
    public static readonly Term Autumn2021 = new(2021, Season.Autumn);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static GeoPoint East(double metres, double northMetres = 0) => new(
        OriginLongitude + metres / (111_320 * Math.Cos(double.DegreesToRadians(OriginLatitude))),
        OriginLatitude + northMetres / 110_574);

    public static double Metres(double eastA, double eastB) => East(eastA).DistanceTo(East(eastB));

    public static int[] Grades(params (int Grade, int Students)[] counts)
    {
        var grades = new int[9];
        foreach (var (grade, students) in counts)
        {
            grades[grade - 1] = students;
        }

        return grades;
    }

    public static School Primary(string code, double east, int tracks, int[]? enrolment = null, Term? opening = null) =>
        new(code, SchoolLevel.Primary, East(east), [new TrackStep(opening ?? Autumn2020, tracks, 0)], enrolment ?? new int[9]);

    public static School Junior(string code, double east, int tracks, int[]? enrolment = null, Term? opening = null) =>
        new(code, SchoolLevel.Junior, East(east), [new TrackStep(opening ?? Autumn2020, 0, tracks)], enrolment ?? new int[9]);

    public static School NineYear(string code, double east, int primaryTracks, int juniorTracks, int[]? enrolment = null) =>
        new(code, SchoolLevel.NineYear, East(east), [new TrackStep(Autumn2020, primaryTracks, juniorTracks)], enrolment ?? new int[9]);

    /// <summary>An area whose pupils are known and that has no school yet, so the first term places them all.</summary>
    public static ResidentialArea NewArea(string code, double east, int[] students, string? primary = null, string? junior = null) =>
        new(code, AreaKind.Compound, East(east), Population: 0, BaseStudents: students, PrimarySchool: primary, JuniorSchool: junior,
            Boundary: Square(east, 0, 100));

    /// <summary>A square of <paramref name="side"/> metres centred at the given position.</summary>
    public static Polygon Square(double east, double north, double side)
    {
        var a = East(east - side / 2, north - side / 2);
        var b = East(east + side / 2, north + side / 2);
        return Factory.CreatePolygon(
        [
            new(a.Longitude, a.Latitude), new(b.Longitude, a.Latitude), new(b.Longitude, b.Latitude),
            new(a.Longitude, b.Latitude), new(a.Longitude, a.Latitude),
        ]);
    }

    /// <summary>Parameters for a single term, with optional changes.</summary>
    public static SimulationParameters OneTerm(Term? term = null) =>
        SimulationParameters.Default with { Start = term ?? Autumn2020, Horizon = term ?? Autumn2020 };

    public static SimulationInput Input(IReadOnlyList<School> schools, IReadOnlyList<ResidentialArea> areas, SimulationParameters? parameters = null) =>
        new(schools, areas, parameters ?? OneTerm());
}
