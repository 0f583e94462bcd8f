using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>Scenario pieces that are valid against the tiny dataset, for generated cases to break or to surround bad ones with.</summary>
public static class ValidChanges
{
    public const string Square =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.36,39.76],[117.38,39.76],[117.38,39.78],[117.36,39.78],[117.36,39.76]]]}";

    public static School School() => new()
    {
        Code = "BD-P-900",
        Name = "新城小学",
        Level = SchoolLevel.Primary,
        Kind = SchoolKind.New,
        AdminAreaCode = "120115101",
        Lon = 117.3,
        Lat = 39.7,
        Capacity = { new CapacityStep { FromTerm = "2021-autumn", PrimaryTracks = 2 } },
        Resources = { Resources() },
        Enrolment = { 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    };

    public static Resources Resources() => new()
    {
        Part = SchoolPart.Primary,
        FromTerm = "2021-autumn",
        TeachersDegree = 2,
        TeachersBackbone = 1,
        TeachersPeArt = 1,
        FloorAreaM2 = 500,
        SportsAreaM2 = 800,
        EquipmentValueYuan = 100_000,
        MultimediaRooms = 2,
    };

    public static ResidentialArea Area() => new()
    {
        Code = "120115101299",
        Name = "新城小区",
        Kind = ResidentialAreaKind.Compound,
        AdminAreaCode = "120115101",
        GeometryGeojson = Square,
        Population = 1200,
        Households = 450,
        OccupiedFrom = "2021-autumn",
        OccupancyRamp = { 0.5, 1 },
        SchoolPrimaryCode = "BD-P-001",
        SchoolJuniorCode = "BD-J-001",
    };

    /// <summary>One change of each kind, all valid together.</summary>
    public static ScenarioChange[] All() =>
    [
        new() { OpenSchool = new OpenSchool { School = School() } },
        new() { AddResidentialArea = new AddResidentialArea { ResidentialArea = Area() } },
        new() { ExpandSchool = new ExpandSchool { SchoolCode = "BD-P-001", FromTerm = "2021-autumn", AddPrimaryTracks = 1 } },
        new() { AddResources = new AddResources { SchoolCode = "BD-P-001", Added = Resources() } },
        new() { CloseSchool = new CloseSchool { SchoolCode = "BD-J-001", FromTerm = "2022-autumn" } },
    ];

    public static readonly Gen<ScenarioChange> Any = Gen.Int[0, 4].Select(i => All()[i]);
}
