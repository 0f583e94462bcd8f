using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Runs;
using Planning.Engine.Rules;
using V1 = Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>The assessment service's work: the district, one school, the rectification list and the export file.</summary>
public sealed class AssessmentQueries(PlanningDb db, RunResults runs)
{
    private readonly RunAssessments _assessments = new(db, runs);

    /// <summary>Both parts' coefficients, counts and the verdict; only open schools with students count.</summary>
    public async Task<V1.DistrictAssessment> DistrictAsync(string runId, string term, CancellationToken ct)
    {
        var run = await _assessments.FindAsync(runId, term, ct);
        var schools = await _assessments.TermAsync(run, term, ct);
        var district = Engine.Assessment.DistrictAssessment.Assess(schools.Where(s => s.Counts).Select(s => s.Assessment), RunAssessments.StandardOf(run));
        return AssessmentProto.District(runId, term, district);
    }

    public async Task<V1.SchoolAssessment> SchoolAsync(string runId, string term, string schoolCode, CancellationToken ct)
    {
        var codeProblems = schoolCode.Trim().Length == 0 ? new[] { new FieldProblem("school_code", "is required") } : [];
        var run = await _assessments.FindAsync(runId, term, ct, codeProblems);
        var schools = await _assessments.TermAsync(run, term, ct);
        var school = schools.FirstOrDefault(s => s.Facts.Code == schoolCode.Trim())
                     ?? throw new NotFoundException($"school \"{schoolCode}\" in run {runId}");
        return AssessmentProto.School(school);
    }

    public async Task<V1.RectificationList> RectificationAsync(string runId, CancellationToken ct)
    {
        var run = await runs.FindSucceededAsync(runId, ct);
        return RectificationBuilder.Build(await _assessments.AllTermsAsync(run, ct));
    }

    /// <summary>The file name and bytes of the export.</summary>
    public async Task<(string FileName, byte[] Bytes)> ExportAsync(
        string runId, string term, V1.AssessmentFormat format, CancellationToken ct)
    {
        var formatProblems = format is V1.AssessmentFormat.Csv or V1.AssessmentFormat.SpreadsheetXml
            ? []
            : new[] { new FieldProblem("format", "is required: CSV or SPREADSHEET_XML") };
        var run = await _assessments.FindAsync(runId, term, ct, formatProblems);
        var lines = AssessmentTable.Lines(await _assessments.TermAsync(run, term, ct), RunAssessments.StandardOf(run));
        var name = $"assessment-{term}-{run.Id:N}";
        return format == V1.AssessmentFormat.Csv
            ? ($"{name}.csv", AssessmentFiles.Csv(term, lines))
            : ($"{name}.xml", AssessmentFiles.SpreadsheetXml(term, lines));
    }
}
