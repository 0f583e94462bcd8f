using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>
/// DOMAIN.md: "Teachers may be counted in full-time equivalents: a resource value is used exactly
/// as stored, never silently rounded." Every case of issue 13 §1 "Exact on every input", through the API.
/// </summary>
public sealed class ExactAmountsApiTests(SmallDistrict district) : IClassFixture<SmallDistrict>
{
    [Fact]
    public async Task AssessSchool_FractionalPeArtTeachersExactlyAtThreshold_Met()
    {
        // 45 pupils and 0.405 PE/art teachers: 0.405 × 100 / 45 = 0.9 per 100, exactly the threshold (row 3).
        var data = SmallDistrict.WithPrimaryPupils(45, 0, 0, 0, 0, 0);
        SmallDistrict.PrimaryResources(data)["teachers_pe_art"] = 0.405;

        var part = await district.PartAsync(await district.RunAsync(data), SmallDistrict.Primary);

        var peArt = SmallDistrict.Of(part, Indicator.PeArtTeachers);
        Assert.Equal(0.9, peArt.Value, 12);
        Assert.True(peArt.Met);
        Assert.Equal(0, peArt.Gap);
    }

    [Fact]
    public async Task AssessSchool_DegreeTeachersAt84Point5Percent_FailsSixOfSeven()
    {
        // 1,000 pupils, 35.5 degree teachers: 3.55 per 100 = 84.5 % of 4.2, under the 85 % floor (rounding to 36 would pass).
        var data = SmallDistrict.WithPrimaryPupils(167, 167, 167, 167, 166, 166);
        var r = SmallDistrict.PrimaryResources(data);
        r["teachers_degree"] = 35.5;
        (r["teachers_backbone"], r["teachers_pe_art"], r["floor_area_m2"]) = (10.0, 9.0, 4500.0);
        (r["sports_area_m2"], r["equipment_value_yuan"], r["multimedia_rooms"]) = (7500.0, 2_000_000.0, 23.0);

        var part = await district.PartAsync(await district.RunAsync(data), SmallDistrict.Primary);

        Assert.Equal(1000, part.Students);
        Assert.Equal(3.55, SmallDistrict.Of(part, Indicator.DegreeTeachers).Value, 12);
        Assert.Equal(6, part.Indicators.Count(i => i.Met));
        Assert.False(part.SixOfSeven);
    }

    [Fact]
    public async Task AssessSchool_TwoHalfBackboneAdditions_OneMoreTeacher()
    {
        // 1,000 pupils, 9 backbone teachers + 0.5 + 0.5 from the scenario = 10: exactly 1.0 per 100 (rounding each half up gives 1.1).
        var data = SmallDistrict.WithPrimaryPupils(167, 167, 167, 167, 166, 166);
        SmallDistrict.PrimaryResources(data)["teachers_backbone"] = 9.0;
        var half = new Resources { Part = SchoolPart.Primary, FromTerm = SmallDistrict.Term, TeachersBackbone = 0.5 };
        ScenarioChange Add() => new() { AddResources = new AddResources { SchoolCode = SmallDistrict.Primary, Added = half } };

        var part = await district.PartAsync(await district.RunAsync(data, Add(), Add()), SmallDistrict.Primary);

        var backbone = SmallDistrict.Of(part, Indicator.BackboneTeachers);
        Assert.Equal(1.0, backbone.Value, 12);
        Assert.True(backbone.Met);
    }

    [Theory]
    [InlineData("teachers_degree", 3e9)]
    [InlineData("equipment_value_yuan", 1e308)]
    [InlineData("multimedia_rooms", 10_000.5)]
    [InlineData("floor_area_m2", -0.1)]
    public async Task ImportDataset_AmountOutOfRange_InvalidArgumentNamingTheField(string field, double value)
    {
        var data = new TinyDataset();
        SmallDistrict.PrimaryResources(data)[field] = value;

        var e = await RpcAssert.FailsAsync(() => data.ImportAsync(district.Dataset), StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(e), v => v.Field == $"schools[0].resources[0].{field}" && v.Description.Contains("from 0 to"));
    }

    [Fact]
    public async Task UpsertSchoolAndAddResources_AmountOutOfRange_InvalidArgumentAndNothingStored()
    {
        await new TinyDataset().ImportAsync(district.Dataset);
        var school = await district.Schools.GetSchoolAsync(new GetSchoolRequest { Code = SmallDistrict.Primary });
        var before = school.Clone();
        school.Resources[0].TeachersDegree = 3e9;

        var upsert = await RpcAssert.FailsAsync(
            () => district.Schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync, StatusCode.InvalidArgument);
        var huge = new Resources { Part = SchoolPart.Primary, FromTerm = SmallDistrict.Term, EquipmentValueYuan = 1e308 };
        var scenario = await RpcAssert.FailsAsync(() => district.Runs.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = "太多",
            Changes = { new ScenarioChange { AddResources = new AddResources { SchoolCode = SmallDistrict.Primary, Added = huge } } },
        }).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Contains(RpcAssert.Violations(upsert), v => v.Field.EndsWith("resources[0].teachers_degree", StringComparison.Ordinal));
        Assert.Contains(RpcAssert.Violations(scenario), v => v.Field.EndsWith("add_resources.added.equipment_value_yuan", StringComparison.Ordinal));
        Assert.Equal(before, await district.Schools.GetSchoolAsync(new GetSchoolRequest { Code = SmallDistrict.Primary }));
    }

    [Fact]
    public async Task ImportDataset_EnrolmentBelowItsAreasPupils_InvalidArgumentNamingBothFigures()
    {
        // The villages list 60 + 60 + (unknown) grade-1 pupils for BD-P-001; an enrolment of 45 contradicts them.
        var data = new TinyDataset();
        SmallDistrict.PrimarySchool(data)["enrolment"]![0] = 45;

        var e = await RpcAssert.FailsAsync(() => data.ImportAsync(district.Dataset), StatusCode.InvalidArgument);

        var v = Assert.Single(RpcAssert.Violations(e), v => v.Field == "schools[0].enrolment[0]");
        Assert.Contains("45", v.Description);
        Assert.Contains("120", v.Description);
    }

    [Fact]
    public async Task ImportDataset_LayersWithByteOrderMark_Accepted()
    {
        var data = new TinyDataset();
        var layers = data.Layers().Select(l => (l.Layer, (byte[])[.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(l.Json.ToJsonString())]));

        var response = await TinyDataset.Upload(district.Dataset, layers);

        Assert.Equal(2, response.Schools);
    }
}
