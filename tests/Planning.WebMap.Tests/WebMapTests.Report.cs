using Grpc.Core;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>The printed report of what is on screen: ReportService.ExportReport for the run, term and level shown.</summary>
public sealed partial class WebMapTests
{
    [Fact]
    public async Task ReportPdf_RunTermAndJuniorShown_SameBytesAsExportReport()
    {
        var term = DefaultRun.Terms[1];
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}&part=junior");

        var (bytes, name) = await DownloadAsync(map, "report-pdf");

        // The cover carries the day it was issued, not the time: two calls on one day give the same file.
        var server = await ServerTruth.ReadAsync(fixture.Reports.ExportReport(new ExportReportRequest
        {
            RunId = DefaultRun.Id, Term = term, Part = SchoolPart.Junior, Format = ReportFormat.Pdf,
        }));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(server.FileName, name);
        Assert.Equal(server.Bytes, bytes);
        Assert.Contains(term, name);
        Assert.Contains("junior", name);
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task ReportPdf_Viewer_ButtonDisabledAndServersRefusalShown()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "报告 viewer");
        await using var map = await fixture.OpenWithKeyAsync(key);
        var button = map.Page.Locator("[data-download='report-pdf']");
        Assert.True(await button.IsDisabledAsync(), "the report is offered to a viewer");
        Assert.Contains("planner", await button.GetAttributeAsync("title") ?? "");

        // Enabled by hand, the call reaches the server, whose refusal the page shows.
        var refusal = await Assert.ThrowsAsync<RpcException>(() => ServerTruth.ReadAsync(
            new ReportService.ReportServiceClient(fixture.Server.CreateChannel(key)).ExportReport(new ExportReportRequest
            {
                RunId = DefaultRun.Id, Term = FirstTerm, Part = SchoolPart.Primary, Format = ReportFormat.Pdf,
            })));
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        await button.EvaluateAsync("b => { b.disabled = false; }");
        await button.ClickAsync();
        await map.Page.WaitForFunctionAsync("() => document.getElementById('download-status').textContent.includes('PermissionDenied')");
        Assert.Contains(refusal.Status.Detail, await map.Page.TextContentAsync("#download-status") ?? "");
        Assert.Contains(map.Calls, c => c.Method.EndsWith("/ExportReport", StringComparison.Ordinal));
    }
}
