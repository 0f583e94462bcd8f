using NetTopologySuite.Geometries;
using Planning.Reports;
using V1 = Planning.V1;

namespace Planning.Server.Tests.Reports;

/// <summary>A small report model made by hand: a square district with one street and one town, two schools and their catchments.</summary>
public static class SampleReport
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static ReportData Create(string scenarioName = "计划方案", bool synthetic = true)
    {
        var street = Square(117.30, 39.70, 0.05);
        var town = Square(117.35, 39.70, 0.05);
        var rules = new ReportRules("national-2017", 2000, 2500,
            [new ReportBand(V1.SchoolPart.Primary, 1, 6, 45, 0.50), new ReportBand(V1.SchoolPart.Junior, 7, 9, 50, 0.45)],
            [new ReportIndicator(V1.Indicator.FloorArea, "生均教学及辅助用房面积", "Teaching and auxiliary floor area per student", "m² per student", "m²", 4.5, 5.8)],
            6, 0.85);
        var schools = new[]
        {
            new SceneSchool("BD-P-001", "宝坻区第一小学", [V1.SchoolPart.Primary], V1.SchoolKind.Existing, 117.32, 39.72,
                [300, 300, 300, 300, 300, 300, 0, 0, 0], 6, 0, 2000),
            new SceneSchool("BD-N-001", "大口屯镇九年制学校", [V1.SchoolPart.Primary, V1.SchoolPart.Junior], V1.SchoolKind.New, 117.37, 39.72,
                [40, 40, 40, 40, 40, 40, 60, 60, 60], 1, 2, 2500),
        };
        var scene = new ReportScene(
            new ReportRun(Guid.Empty.ToString(), "after", scenarioName, V1.RunMode.Redistribute),
            "2022-autumn",
            new TermFigures(2160, 0, 0, 0, 12, 850, 3100),
            schools,
            [new SceneCatchment("BD-P-001", V1.SchoolPart.Primary, street), new SceneCatchment("BD-N-001", V1.SchoolPart.Primary, town),
                new SceneCatchment("BD-N-001", V1.SchoolPart.Junior, Factory.CreateMultiPolygon([street, town]))],
            []);
        return new ReportData(
            new ReportHeader("宝坻区", "宝坻区教育局", new DateOnly(2026, 12, 4), synthetic, ["District outline: © OpenStreetMap contributors, ODbL 1.0"]),
            rules,
            new ReportGeography(Factory.CreateMultiPolygon([street, town]), [new MapAdminArea("宝平街道", true, street), new MapAdminArea("大口屯镇", false, town)]),
            scene,
            new ReportAssessment(true, [new PartVerdict(V1.SchoolPart.Primary, 2, 2, [new CoefficientFigure(V1.Indicator.FloorArea, 0.21, 0.50, true)])]));
    }

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon(
    [
        new Coordinate(lon, lat), new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size),
        new Coordinate(lon, lat + size), new Coordinate(lon, lat),
    ]);
}
