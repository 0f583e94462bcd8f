using System.Text.Json.Nodes;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Planner;

/// <summary>
/// The tiny dataset with its three villages side by side, each 0.05° square touching the next
/// (201 | 202 | 203, west to east), and a second primary school, BD-P-002, in the east of 203 with one
/// track (45 seats a grade, DOMAIN.md). BD-P-001 (3 tracks) stands in 202. Known pupils: 201 and 202
/// 60 / 50 / 50 / 40 / 45 / 55 and 60 / 60 / 50 / 50 / 50 / 50 in grades 1–6; 203 has its residents' norm.
/// </summary>
public static class PlannerDataset
{
    public const string West = "120115101201", Middle = "120115101202", East = "120115101203";
    public const string Main = "BD-P-001", Small = "BD-P-002", Junior = "BD-J-001";

    public static TinyDataset Create()
    {
        var data = new TinyDataset();
        var areas = data.ResidentialAreas["features"]!.AsArray();
        for (var i = 0; i < 3; i++)
        {
            areas[i]!["geometry"] = TinyDataset.Square(117.21 + 0.05 * i, 39.61, 0.05);
        }
        var schools = data.Schools["features"]!.AsArray();
        schools[0]!["geometry"] = TinyDataset.Point(117.285, 39.635);
        var small = schools[0]!.DeepClone().AsObject();
        small["geometry"] = TinyDataset.Point(117.34, 39.635);
        var properties = small["properties"]!.AsObject();
        properties["code"] = Small;
        properties["name"] = "大口屯镇第二小学";
        properties["enrolment"] = new JsonArray(0, 0, 0, 0, 0, 0, 0, 0, 0);
        properties["tracks"]![0]!["primary"] = 1;
        schools.Add(small);
        return data;
    }

    /// <summary>Imports the dataset through gRPC.</summary>
    public static Task ImportAsync(PlanningServer server) =>
        Create().ImportAsync(new DatasetService.DatasetServiceClient(server.CreateChannel()));

    /// <summary>Settings of a two-term scenario where every pupil may be reassigned (so pins move enrolled pupils too).</summary>
    public static ScenarioSettings Reassign(string horizon = "2021-spring") =>
        new() { StartTerm = "2020-autumn", HorizonTerm = horizon, Policy = Policy.Reassign, TimeLimitSeconds = 1 };

    public static ScenarioChange Pin(string area, string school, string from = "2020-autumn", SchoolPart part = SchoolPart.Unspecified) =>
        new() { PinArea = new PinArea { AreaCode = area, SchoolCode = school, FromTerm = from, Part = part } };

    public static ScenarioChange Lock(string school, string from = "2020-autumn", SchoolPart part = SchoolPart.Unspecified) =>
        new() { LockSchool = new LockSchool { SchoolCode = school, FromTerm = from, Part = part } };
}
