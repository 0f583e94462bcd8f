using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Assessment;

/// <summary>Bad requests to AssessmentService get the status code that says what is wrong.</summary>
[Collection(AssessmentCollection.Name)]
public sealed class AssessmentInputTests(AssessmentRuns runs)
{
    [Fact]
    public async Task AssessDistrict_MalformedRunIdAndTerm_InvalidArgumentNamingBoth()
    {
        var e = await RpcAssert.FailsAsync(() => runs.Assessment.AssessDistrictAsync(
            new AssessDistrictRequest { RunId = "run-1", Term = "autumn 2021" }).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Equal(["run_id", "term"], RpcAssert.Violations(e).Select(v => v.Field).Order());
    }

    [Fact]
    public async Task AssessDistrict_TermNotInTheRunOrUnknownRun_NotFound()
    {
        await RpcAssert.FailsAsync(() => runs.Assessment.AssessDistrictAsync(
            new AssessDistrictRequest { RunId = runs.Keep.Id, Term = "2030-autumn" }).ResponseAsync, StatusCode.NotFound);
        await RpcAssert.FailsAsync(() => runs.Assessment.AssessDistrictAsync(
            new AssessDistrictRequest { RunId = Guid.NewGuid().ToString(), Term = "2020-autumn" }).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task AssessSchool_UnknownOrMissingSchoolCode_NotFoundOrInvalidArgument()
    {
        await RpcAssert.FailsAsync(() => runs.Assessment.AssessSchoolAsync(new AssessSchoolRequest
        {
            RunId = runs.Keep.Id, Term = "2020-autumn", SchoolCode = "BD-P-404",
        }).ResponseAsync, StatusCode.NotFound);
        var e = await RpcAssert.FailsAsync(() => runs.Assessment.AssessSchoolAsync(new AssessSchoolRequest
        {
            RunId = runs.Keep.Id, Term = "2020-autumn",
        }).ResponseAsync, StatusCode.InvalidArgument);
        Assert.Equal("school_code", Assert.Single(RpcAssert.Violations(e)).Field);
    }

    [Fact]
    public async Task ExportAssessment_NoFormat_InvalidArgumentNamingFormat()
    {
        using var call = runs.Assessment.ExportAssessment(new ExportAssessmentRequest { RunId = runs.Keep.Id, Term = "2020-autumn" });

        var e = await RpcAssert.FailsAsync(() => call.ResponseStream.MoveNext(), StatusCode.InvalidArgument);

        Assert.Equal("format", Assert.Single(RpcAssert.Violations(e)).Field);
    }

    [Fact]
    public async Task GetRectificationList_MalformedOrUnknownRun_InvalidArgumentOrNotFound()
    {
        await RpcAssert.FailsAsync(() => runs.Assessment.GetRectificationListAsync(
            new GetRectificationListRequest { RunId = "latest" }).ResponseAsync, StatusCode.InvalidArgument);
        await RpcAssert.FailsAsync(() => runs.Assessment.GetRectificationListAsync(
            new GetRectificationListRequest { RunId = Guid.NewGuid().ToString() }).ResponseAsync, StatusCode.NotFound);
    }
}
