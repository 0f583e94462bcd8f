using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Access;
using Planning.Server.Assessment;
using Planning.V1;

namespace Planning.Server.Assessment;

/// <summary>Assessment against the national standard (校校达标、项项达标); the work is in <see cref="AssessmentQueries"/>.</summary>
[Authorize(Policy = Roles.Viewer)]
public sealed class AssessmentApi(AssessmentQueries queries, AdditionsPlanner planner) : AssessmentService.AssessmentServiceBase
{
    private const int ChunkBytes = 64 * 1024;

    public override Task<DistrictAssessment> AssessDistrict(AssessDistrictRequest request, ServerCallContext context) =>
        queries.DistrictAsync(request.RunId, request.Term, context.CancellationToken);

    public override Task<SchoolAssessment> AssessSchool(AssessSchoolRequest request, ServerCallContext context) =>
        queries.SchoolAsync(request.RunId, request.Term, request.SchoolCode, context.CancellationToken);

    public override Task<RectificationList> GetRectificationList(GetRectificationListRequest request, ServerCallContext context) =>
        queries.RectificationAsync(request.RunId, context.CancellationToken);

    [Authorize(Policy = Roles.Planner)]
    public override Task<PlanAdditionsResponse> PlanAdditions(PlanAdditionsRequest request, ServerCallContext context) =>
        planner.PlanAsync(request, context.CancellationToken);

    [Authorize(Policy = Roles.Planner)]
    public override async Task ExportAssessment(
        ExportAssessmentRequest request, IServerStreamWriter<ExportAssessmentResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (fileName, bytes) = await queries.ExportAsync(request.RunId, request.Term, request.Format, ct);
        for (var offset = 0; offset < bytes.Length || offset == 0; offset += ChunkBytes)
        {
            var chunk = new ExportAssessmentResponse
            {
                Data = ByteString.CopyFrom(bytes, offset, Math.Min(ChunkBytes, bytes.Length - offset)),
            };
            if (offset == 0)
            {
                chunk.FileName = fileName;
            }
            await responseStream.WriteAsync(chunk, ct);
        }
    }
}
