using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.V1;

namespace Planning.Server.Areas;

[Authorize(Policy = Roles.Viewer)]
public sealed class ResidentialAreaApi(PlanningDb db, AuditLog audit) : ResidentialAreaService.ResidentialAreaServiceBase
{
    private IQueryable<ResidentialAreaRow> Areas => db.ResidentialAreas
        .Include(a => a.AdminArea).Include(a => a.SchoolPrimary).Include(a => a.SchoolJunior);

    public override async Task<ListResidentialAreasResponse> ListResidentialAreas(
        ListResidentialAreasRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        var box = Paging.Box(request.Bbox, problems);
        problems.ThrowIfAny();

        var query = Areas.AsNoTracking();
        if (Vocabulary.FromProto(request.Kind) is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (request.AdminAreaCode.Length > 0)
        {
            query = query.Where(a => a.AdminArea!.Code == request.AdminAreaCode);
        }
        if (request.SchoolCode.Length > 0)
        {
            query = query.Where(a => a.SchoolPrimary!.Code == request.SchoolCode || a.SchoolJunior!.Code == request.SchoolCode);
        }
        if (box is not null)
        {
            query = query.Where(a => a.Boundary.Intersects(box));
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(a => a.Code).Skip(offset).Take(size).ToListAsync(ct);
        var response = new ListResidentialAreasResponse { Page = Paging.Response(offset, size, total) };
        response.ResidentialAreas.AddRange(page.Select(a => AreaMapping.ToProto(a, request.IncludeGeometry)));
        return response;
    }

    public override async Task<V1.ResidentialArea> GetResidentialArea(GetResidentialAreaRequest request, ServerCallContext context) =>
        AreaMapping.ToProto(await FindAsync(request.Id, request.Code, tracking: false, context.CancellationToken), includeGeometry: true);

    [Authorize(Policy = Roles.Admin)]
    public override async Task<V1.ResidentialArea> UpsertResidentialArea(
        UpsertResidentialAreaRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var sent = request.ResidentialArea
                   ?? throw new ValidationFailedException([new FieldProblem("residential_area", "is required")]);
        var problems = new Problems();
        var feature = AreaMapping.FromProto(sent, problems);
        var existing = sent.Id != 0 ? await FindAsync(sent.Id, "", tracking: true, ct) : null;
        if (existing is not null && existing.Version != sent.Version)
        {
            throw new VersionConflictException($"residential area {existing.Code}");
        }
        if (feature is not null)
        {
            await ValidateAgainstStoredAsync(feature, existing, problems, ct);
        }
        problems.ThrowIfAny();
        audit.Add(existing is null ? "area.create" : "area.update", $"area {feature!.Code}", new
        {
            before = AuditLog.Proto(existing is null ? null : AreaMapping.ToProto(existing, includeGeometry: true)),
            after = AuditLog.Proto(sent),
        });

        var schoolIds = await db.Schools.Where(s => s.Code == feature!.SchoolPrimary || s.Code == feature.SchoolJunior)
            .ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var area = existing ?? new ResidentialAreaRow
        {
            Code = feature!.Code, Name = feature.Name, Boundary = feature.Geometry, Centroid = feature.Geometry.InteriorPoint,
        };
        area.Code = feature!.Code;
        area.Name = feature.Name;
        area.Kind = feature.Kind;
        area.AdminAreaId = await db.AdminAreas.Where(a => a.Code == feature.AdminArea).Select(a => a.Id).SingleAsync(ct);
        area.Boundary = feature.Geometry;
        area.Centroid = feature.Geometry.InteriorPoint;
        area.Population = feature.Population;
        area.Households = feature.Households;
        area.OccupiedFrom = feature.OccupiedFrom;
        area.OccupancyRamp = feature.OccupancyRamp;
        area.Students = feature.Students;
        area.SchoolPrimaryId = feature.SchoolPrimary is null ? null : schoolIds[feature.SchoolPrimary];
        area.SchoolJuniorId = feature.SchoolJunior is null ? null : schoolIds[feature.SchoolJunior];
        if (existing is null)
        {
            db.ResidentialAreas.Add(area);
        }
        else
        {
            db.Entry(area).Property(a => a.Version).OriginalValue = (uint)sent.Version;
        }
        // The area's neighbours follow its boundary, in the same transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveEditAsync(ct);
            await AreaAdjacency.RebuildAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), area.Id, ct);
            await transaction.CommitAsync(ct);
        }
        return AreaMapping.ToProto(await FindAsync(area.Id, "", tracking: false, ct), includeGeometry: true);
    }

    [Authorize(Policy = Roles.Admin)]
    public override async Task<DeleteResidentialAreaResponse> DeleteResidentialArea(
        DeleteResidentialAreaRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var area = await FindAsync(request.Id, "", tracking: true, ct);
        if (request.Version != 0 && request.Version != area.Version)
        {
            throw new VersionConflictException($"residential area {area.Code}");
        }
        db.ResidentialAreas.Remove(area);
        audit.Add("area.delete", $"area {area.Code}", new { before = AuditLog.Proto(AreaMapping.ToProto(area, includeGeometry: true)) });
        await db.SaveEditAsync(ct);
        return new DeleteResidentialAreaResponse();
    }

    private async Task ValidateAgainstStoredAsync(
        ResidentialAreaFeature feature, ResidentialAreaRow? existing, Problems problems, CancellationToken ct)
    {
        var stored = await StoredCodes.LoadAsync(db, ct, exceptAreaId: existing?.Id ?? 0);
        if (stored.District is null)
        {
            throw new PreconditionFailedException("no dataset has been imported: import the district first");
        }
        var inner = new Problems();
        DatasetValidator.Validate(new DatasetFeatures([], [], [], [feature]), stored, replace: false, inner);
        problems.AddAll(inner, field => ProtoFieldNames.Area(field, "residential_area"));
    }

    private async Task<ResidentialAreaRow> FindAsync(long id, string code, bool tracking, CancellationToken ct)
    {
        var query = tracking ? Areas : Areas.AsNoTracking();
        var area = id != 0
            ? await query.FirstOrDefaultAsync(a => a.Id == id, ct)
            : code.Length > 0
                ? await query.FirstOrDefaultAsync(a => a.Code == code, ct)
                : throw new ValidationFailedException([new FieldProblem("id", "id or code is required")]);
        return area ?? throw new NotFoundException(id != 0 ? $"residential area {id}" : $"residential area \"{code}\"");
    }
}
