using System.Text.Json.Nodes;
using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Dataset;

/// <summary>What a dataset says about itself on its district (docs/dataset-format.md): synthetic or not, and its credits.</summary>
public sealed class DistrictProvenanceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly DatasetService.DatasetServiceClient _dataset = new(fixture.Server.CreateChannel());
    private readonly GeographyService.GeographyServiceClient _geography = new(fixture.Server.CreateChannel());

    [Fact]
    public async Task ImportDataset_ProvenanceGiven_GetDistrictServesIt()
    {
        var data = new TinyDataset();
        var district = TinyDataset.Properties(data.District, 0);
        district["synthetic"] = true;
        district["credits"] = new JsonArray("District outline: © OpenStreetMap contributors, ODbL 1.0", "Town seats: GeoNames (geonames.org), CC-BY-4.0");

        await data.ImportAsync(_dataset);
        var stored = await _geography.GetDistrictAsync(new GetDistrictRequest());

        Assert.True(stored.Synthetic);
        Assert.Equal(["District outline: © OpenStreetMap contributors, ODbL 1.0", "Town seats: GeoNames (geonames.org), CC-BY-4.0"], stored.Credits);
    }

    [Fact]
    public async Task ImportDataset_ProvenanceLeftOut_NotSyntheticWithoutCredits()
    {
        await new TinyDataset().ImportAsync(_dataset);
        var stored = await _geography.GetDistrictAsync(new GetDistrictRequest());

        Assert.False(stored.Synthetic);
        Assert.Empty(stored.Credits);
    }

    [Fact]
    public async Task ImportDataset_BadProvenance_InvalidArgumentNamingEachEntryAndNothingLost()
    {
        var good = new TinyDataset();
        TinyDataset.Properties(good.District, 0)["credits"] = new JsonArray("kept");
        await good.ImportAsync(_dataset);
        var bad = new TinyDataset();
        var district = TinyDataset.Properties(bad.District, 0);
        district["synthetic"] = "yes";
        district["credits"] = new JsonArray(12, "", new string('x', 301), "fine", "tab\there");

        var e = await RpcAssert.FailsAsync(() => bad.ImportAsync(_dataset), StatusCode.InvalidArgument);

        Assert.Equal(
            ["district[0].synthetic", "district[0].credits[0]", "district[0].credits[1]", "district[0].credits[2]", "district[0].credits[4]"],
            RpcAssert.Violations(e).Select(v => v.Field).Where(f => f.StartsWith("district", StringComparison.Ordinal)));
        Assert.Equal(["kept"], (await _geography.GetDistrictAsync(new GetDistrictRequest())).Credits);
    }

    [Fact]
    public async Task ImportDataset_TooManyCredits_InvalidArgumentSayingTheMost()
    {
        var data = new TinyDataset();
        TinyDataset.Properties(data.District, 0)["credits"] = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode)$"credit {i}")]);

        var e = await RpcAssert.FailsAsync(() => data.ImportAsync(_dataset), StatusCode.InvalidArgument);

        var violation = Assert.Single(RpcAssert.Violations(e));
        Assert.Equal("district[0].credits", violation.Field);
        Assert.Contains("at most 20", violation.Description);
    }
}
