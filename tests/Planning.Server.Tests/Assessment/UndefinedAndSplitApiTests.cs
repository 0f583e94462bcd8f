using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// DOMAIN.md: "A coefficient with no schools, or with a mean of zero, is undefined — not 0 and not
/// met", and "Nine-year schools are split … shared resources are apportioned to the parts in
/// proportion to their pupils, … one junior pupil as 1.1 primary pupils".
/// </summary>
public sealed class UndefinedAndSplitApiTests(SmallDistrict district) : IClassFixture<SmallDistrict>
{
    [Fact]
    public async Task AssessDistrict_EverySchoolWithoutBackboneTeachers_ZeroMeanUndefinedNotMet()
    {
        var data = new TinyDataset();
        for (var i = 0; i < 2; i++)
        {
            TinyDataset.Properties(data.Schools, i)["resources"]![0]!["teachers_backbone"] = 0.0;
        }

        var result = await district.DistrictAsync(await district.RunAsync(data));

        foreach (var part in new[] { SchoolPart.Primary, SchoolPart.Junior })
        {
            var backbone = SmallDistrict.Of(result, part, Indicator.BackboneTeachers);
            Assert.Equal(CoefficientStatus.ZeroMean, backbone.Status);
            Assert.False(backbone.Met);
            Assert.Equal(0, backbone.Value);
            Assert.Contains("zero", backbone.UndefinedReason);
            Assert.Equal(CoefficientStatus.Defined, SmallDistrict.Of(result, part, Indicator.DegreeTeachers).Status);
        }
        Assert.False(result.Passes);
    }

    [Fact]
    public async Task AssessDistrict_NoJuniorSchool_JuniorCoefficientsUndefinedForNoStudents()
    {
        var data = new TinyDataset();
        data.Schools["features"]!.AsArray().RemoveAt(1);
        for (var i = 0; i < 3; i++)
        {
            var area = TinyDataset.Properties(data.ResidentialAreas, i);
            area["school_junior"] = null;
            area["students"] = null;
        }

        var result = await district.DistrictAsync(await district.RunAsync(data));

        var junior = result.Parts.Single(p => p.Part == SchoolPart.Junior);
        Assert.Equal(0, junior.Schools);
        Assert.All(junior.Coefficients, c => Assert.Equal((CoefficientStatus.NoStudents, false, 0), (c.Status, c.Met, c.Students)));
        // One primary school: S = 0, X̄ > 0, so every primary coefficient is defined and 0.
        Assert.All(result.Parts.Single(p => p.Part == SchoolPart.Primary).Coefficients, c => Assert.Equal((CoefficientStatus.Defined, 0.0), (c.Status, c.Value)));
    }

    [Fact]
    public async Task ImportDataset_NineYearSchoolWithOnlyPrimaryResources_RefusedAsUnsplittable()
    {
        var data = NineYear(new JsonArray(Entry("primary", degree: 30)));

        var e = await RpcAssert.FailsAsync(() => data.ImportAsync(district.Dataset), StatusCode.InvalidArgument);

        var v = Assert.Single(RpcAssert.Violations(e), v => v.Field == "schools[0].resources");
        Assert.Contains("junior part", v.Description);
    }

    [Fact]
    public async Task ImportDataset_SharedResourcesOfAPrimarySchool_Refused()
    {
        var data = new TinyDataset();
        SmallDistrict.PrimaryResources(data)["part"] = "shared";

        var e = await RpcAssert.FailsAsync(() => data.ImportAsync(district.Dataset), StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == "schools[0].resources[0].part" && v.Description.Contains("nine-year"));
    }

    [Fact]
    public async Task AssessSchool_NineYearSchoolWithSharedResources_ApportionedByWeightedPupils()
    {
        // 620 primary and 420 junior pupils: weighted 620 + 1.1 × 420 = 1,082. Primary has 20 degree teachers of
        // its own; 31 degree teachers and 9,300 m² of floor area are shared.
        var data = NineYear(new JsonArray(Entry("primary", degree: 20), Entry("junior", degree: 0), Entry("shared", degree: 31, floor: 9300)));
        var run = await district.RunAsync(data);

        var primary = await district.PartAsync(run, SmallDistrict.Primary, SchoolPart.Primary);
        var junior = await district.PartAsync(run, SmallDistrict.Primary, SchoolPart.Junior);

        Assert.Equal((620, 420), (primary.Students, junior.Students));
        Assert.Equal((20 + 31 * 620.0 / 1082) * 100 / 620, SmallDistrict.Of(primary, Indicator.DegreeTeachers).Value, 9);
        Assert.Equal(31 * 462.0 / 1082 * 100 / 420, SmallDistrict.Of(junior, Indicator.DegreeTeachers).Value, 9);
        Assert.Equal(9300 * 620.0 / 1082 / 620, SmallDistrict.Of(primary, Indicator.FloorArea).Value, 9);
        Assert.Equal(9300 * 462.0 / 1082 / 420, SmallDistrict.Of(junior, Indicator.FloorArea).Value, 9);
    }

    [Fact]
    public async Task ExportAssessment_Csv_DistrictCoefficientsAndVerdictsUnrounded()
    {
        var run = await district.RunAsync(new TinyDataset());
        var result = await district.DistrictAsync(run);

        using var call = district.Assessment.ExportAssessment(new ExportAssessmentRequest
        {
            RunId = run.Id, Term = SmallDistrict.Term, Format = AssessmentFormat.Csv,
        });
        var bytes = new List<byte>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            bytes.AddRange(chunk.Data);
        }
        var rows = Csv.Parse(Encoding.UTF8.GetString([.. bytes.Skip(3)]));

        var districtRows = rows.Where(r => r[1] == "district").ToList();
        // Per level with pupils: seven coefficients and a level verdict; then the district verdict.
        Assert.Equal(2 * (7 + 1) + 1, districtRows.Count);
        foreach (var c in result.Parts.SelectMany(p => p.Coefficients.Select(c => (p.Part, c))))
        {
            var row = districtRows.Single(r => r[3] == (c.Part == SchoolPart.Primary ? "primary" : "junior")
                && r[5].StartsWith("difference coefficient", StringComparison.Ordinal) && r[5].Contains(ItemWord(c.c.Indicator)));
            Assert.Equal(c.c.Value, double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(c.c.Met ? "yes" : "no", row[8]);
        }
        Assert.Equal(result.Passes ? "yes" : "no", districtRows[^1][8]);
    }

    private static string ItemWord(Indicator indicator) => indicator switch
    {
        Indicator.DegreeTeachers => "above-required degree",
        Indicator.BackboneTeachers => "backbone",
        Indicator.PeArtTeachers => "PE and art",
        Indicator.FloorArea => "floor area",
        Indicator.SportsArea => "sports",
        Indicator.EquipmentValue => "equipment",
        _ => "multimedia",
    };

    /// <summary>The tiny district with its primary school made a nine-year school (taking the junior school's pupils) with <paramref name="resources"/>.</summary>
    private static TinyDataset NineYear(JsonArray resources)
    {
        var data = new TinyDataset();
        var school = SmallDistrict.PrimarySchool(data);
        school["level"] = "nine_year";
        school["tracks"] = new JsonArray(new JsonObject { ["from"] = "2020-autumn", ["primary"] = 3, ["junior"] = 4 });
        school["enrolment"] = new JsonArray(120, 110, 100, 90, 95, 105, 150, 140, 130);
        school["resources"] = resources;
        data.Schools["features"]!.AsArray().RemoveAt(1);
        for (var i = 0; i < 3; i++)
        {
            TinyDataset.Properties(data.ResidentialAreas, i)["school_junior"] = SmallDistrict.Primary;
        }
        return data;
    }

    private static JsonObject Entry(string part, double degree, double floor = 0) => new()
    {
        ["part"] = part, ["from"] = "2020-autumn", ["teachers_degree"] = degree, ["teachers_backbone"] = 0.0,
        ["teachers_pe_art"] = 0.0, ["floor_area_m2"] = floor, ["sports_area_m2"] = 0.0,
        ["equipment_value_yuan"] = 0.0, ["multimedia_rooms"] = 0.0,
    };
}
