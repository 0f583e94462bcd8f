using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NetTopologySuite.Geometries;
using Planning.Reports;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Dataset;
using V1 = Planning.V1;

namespace Planning.Server.Reports;

/// <summary>ExportReport: the printed report (PDF) or a map (PNG) of a run, drawn by Planning.Reports as the command line draws it.</summary>
[Authorize(Policy = Roles.Planner)]
public sealed partial class ReportApi(ReportLoader loader, ReportGate gate, ILogger<ReportApi> logger) : V1.ReportService.ReportServiceBase
{
    private const int ChunkBytes = 64 * 1024;
    public const int MinPixels = 200;
    public const int MaxPixels = 4000;

    public override async Task ExportReport(
        V1.ExportReportRequest request, IServerStreamWriter<V1.ExportReportResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var checkedRequest = Check(request);
        var (format, part) = (checkedRequest.Format, checkedRequest.Part);
        var other = part == V1.SchoolPart.Junior ? V1.SchoolPart.Primary : V1.SchoolPart.Junior;
        var pdf = format == DrawingFormat.Pdf;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var data = await loader.LoadAsync(new ReportLoader.Request(
            request.RunId, request.Term, pdf ? [part, other] : [part], request.CompareRunId.Length > 0 ? request.CompareRunId : null,
            request.IssuingOffice.Trim().Length > 0 ? request.IssuingOffice.Trim() : null, Full: pdf), ct);
        var loaded = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        byte[] bytes;
        DrawingFile file;
        using (await gate.EnterAsync(ct))
        {
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var output = new MemoryStream();
            try
            {
                file = ReportWriter.Write(data, new DrawingOptions(format, part, checkedRequest.View, checkedRequest.Width, checkedRequest.Height), output);
            }
            catch (MissingFontException e)
            {
                throw new PreconditionFailedException($"the server cannot draw the report: {e.Message}");
            }
            bytes = output.ToArray();
        }
        LogDrawn(logger, request.RunId, $"{format}", file.Pages, bytes.Length, loaded.TotalMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var name = $"report-{data.Scene.Term}-{(part == V1.SchoolPart.Junior ? "junior" : "primary")}-{data.Scene.Run!.Id}.{(pdf ? "pdf" : "png")}";
        for (var offset = 0; offset < bytes.Length || offset == 0; offset += ChunkBytes)
        {
            var chunk = new V1.ExportReportResponse { Data = ByteString.CopyFrom(bytes, offset, Math.Min(ChunkBytes, bytes.Length - offset)) };
            if (offset == 0)
            {
                chunk.FileName = name;
                chunk.ContentType = pdf ? "application/pdf" : "image/png";
                chunk.Pages = file.Pages;
            }
            await responseStream.WriteAsync(chunk, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Report of run {RunId} ({Format}, {Pages} page(s), {Bytes} bytes): loaded in {LoadMs:0} ms, drawn in {DrawMs:0} ms")]
    private static partial void LogDrawn(ILogger logger, string runId, string format, int pages, int bytes, double loadMs, double drawMs);

    private sealed record Checked(DrawingFormat Format, V1.SchoolPart Part, ReportView View, int Width, int Height);

    /// <summary>Every problem of the request at once, before anything is read.</summary>
    private static Checked Check(V1.ExportReportRequest request)
    {
        var problems = new Problems();
        RunId(request.RunId, "run_id", problems);
        if (request.Term.Length > 0)
        {
            Checks.Term(request.Term, "term", problems);
        }
        if (request.Part is not (V1.SchoolPart.Primary or V1.SchoolPart.Junior))
        {
            problems.Add("part", request.Part == V1.SchoolPart.Unspecified
                ? "is required: PRIMARY or JUNIOR"
                : $"unknown part {(int)request.Part}: PRIMARY or JUNIOR");
        }
        DrawingFormat? format = request.Format switch
        {
            V1.ReportFormat.Pdf => DrawingFormat.Pdf,
            V1.ReportFormat.Png => DrawingFormat.Png,
            _ => null,
        };
        if (format is null)
        {
            problems.Add("format", request.Format == V1.ReportFormat.Unspecified
                ? "is required: PDF or PNG"
                : $"unknown format {(int)request.Format}: PDF or PNG");
        }
        if (request.CompareRunId.Length > 0)
        {
            RunId(request.CompareRunId, "compare_run_id", problems);
            if (request.CompareRunId.Trim().Equals(request.RunId.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("compare_run_id", "is the run itself: give another run to compare with");
            }
        }
        var width = Pixels(request.Width, 2000, "width", problems);
        var height = Pixels(request.Height, 1500, "height", problems);
        if (request.IssuingOffice.Length > 0)
        {
            FieldRules.Name(request.IssuingOffice, "issuing_office", problems);
        }
        var view = View(request, problems);
        problems.ThrowIfAny();
        return new Checked(format!.Value, request.Part, view!, width, height);
    }

    private static void RunId(string value, string field, Problems problems)
    {
        if (!Guid.TryParse(value, out _))
        {
            problems.Add(field, Checks.BadId(value, "run"));
        }
    }

    private static int Pixels(int value, int fallback, string field, Problems problems)
    {
        if (value != 0 && value is < MinPixels or > MaxPixels)
        {
            problems.Add(field, $"must be {MinPixels}–{MaxPixels} pixels, or 0 for {fallback}; not {value}");
        }
        return value == 0 ? fallback : value;
    }

    private static ReportView? View(V1.ExportReportRequest request, Problems problems)
    {
        if (request.ViewCase != V1.ExportReportRequest.ViewOneofCase.Bbox)
        {
            return new ReportView(Urban: request.Urban);
        }
        var before = problems.Count;
        Paging.Box(request.Bbox, problems);
        var box = request.Bbox;
        if (problems.Count == before && (box.MinLon >= box.MaxLon || box.MinLat >= box.MaxLat))
        {
            problems.Add("bbox", "must have an area: min_lon < max_lon and min_lat < max_lat");
        }
        return problems.Count == before ? new ReportView(new Envelope(box.MinLon, box.MaxLon, box.MinLat, box.MaxLat)) : null;
    }
}
