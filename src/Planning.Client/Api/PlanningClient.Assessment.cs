using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>The district verdict of a run in a term.</summary>
    public Task<DistrictAssessment> AssessDistrictAsync(string runId, string term, CancellationToken ct = default) =>
        UnaryAsync(o => _assessment.AssessDistrictAsync(new V1.AssessDistrictRequest { RunId = runId, Term = term }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>One school in a run and term, every item with its gap.</summary>
    public Task<SchoolAssessment> AssessSchoolAsync(string runId, string term, string schoolCode, CancellationToken ct = default) =>
        UnaryAsync(o => _assessment.AssessSchoolAsync(
                new V1.AssessSchoolRequest { RunId = runId, Term = term, SchoolCode = schoolCode }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Open items per school and the term each closes, over the whole run.</summary>
    public Task<IReadOnlyList<RectificationItem>> GetRectificationListAsync(string runId, CancellationToken ct = default) =>
        UnaryAsync(o => _assessment.GetRectificationListAsync(new V1.GetRectificationListRequest { RunId = runId }, o),
            r => (IReadOnlyList<RectificationItem>)[.. r.Items.Select(ProtoMapping.ToRecord)], ct);

    /// <summary>
    /// The least-cost additions that make the run's term pass, within <paramref name="budgets"/>
    /// (default costs; the search stops after <paramref name="timeLimitSeconds"/>, 0 meaning the server's default).
    /// </summary>
    public Task<AdditionsPlan> PlanAdditionsAsync(
        string runId, string term, BudgetSet budgets, double timeLimitSeconds = 0, CancellationToken ct = default) =>
        UnaryAsync(o => _assessment.PlanAdditionsAsync(
                new V1.PlanAdditionsRequest { RunId = runId, Term = term, Budgets = budgets, TimeLimitSeconds = timeLimitSeconds }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Streams the assessment as a CSV or SpreadsheetML file; returns the server's file name.</summary>
    public async Task<string> ExportAssessmentAsync(
        string runId, string term, AssessmentFormat format, Stream destination, CancellationToken ct = default)
    {
        var request = new V1.ExportAssessmentRequest { RunId = runId, Term = term, Format = format };
        var fileName = "";
        await foreach (var chunk in ReadAllAsync(_assessment.ExportAssessment(request, StreamOptions(ct)), ct))
        {
            if (fileName.Length == 0)
            {
                fileName = chunk.FileName;
            }
            chunk.Data.WriteTo(destination);
        }
        await destination.FlushAsync(ct);
        return fileName;
    }
}
