using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.V1;
using SchoolLevel = Planning.Engine.Rules.SchoolLevel;

namespace Planning.Server.Schools;

[Authorize(Policy = Roles.Viewer)]
public sealed class SchoolApi(PlanningDb db, AuditLog audit) : SchoolService.SchoolServiceBase
{
    private IQueryable<SchoolRow> Schools => db.Schools.AsSplitQuery()
        .Include(s => s.AdminArea).Include(s => s.Capacity).Include(s => s.Resources);

    public override async Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var problems = new Problems();
        var (offset, size) = Paging.Read(request.Page, problems);
        var box = Paging.Box(request.Bbox, problems);
        problems.ThrowIfAny();

        var query = Schools.AsNoTracking();
        if (Vocabulary.FromProto(request.Level) is { } level)
        {
            query = query.Where(s => s.Level == level);
        }
        if (Vocabulary.FromProto(request.Kind) is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }
        if (request.AdminAreaCode.Length > 0)
        {
            query = query.Where(s => s.AdminArea!.Code == request.AdminAreaCode);
        }
        if (box is not null)
        {
            query = query.Where(s => s.Location.Intersects(box));
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(s => s.Code).Skip(offset).Take(size).ToListAsync(ct);
        var response = new ListSchoolsResponse { Page = Paging.Response(offset, size, total) };
        response.Schools.AddRange(page.Select(SchoolMapping.ToProto));
        return response;
    }

    public override async Task<V1.School> GetSchool(GetSchoolRequest request, ServerCallContext context) =>
        SchoolMapping.ToProto(await FindAsync(request.Id, request.Code, tracking: false, context.CancellationToken));

    [Authorize(Policy = Roles.Admin)]
    public override async Task<V1.School> UpsertSchool(UpsertSchoolRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var sent = request.School ?? throw new ValidationFailedException([new FieldProblem("school", "is required")]);
        var problems = new Problems();
        var feature = SchoolMapping.FromProto(sent, problems);
        problems.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (sent.Id != 0)
        {
            // Editors of one school queue on its row, so the later one finds the version changed (ABORTED)
            // instead of colliding with the other's new capacity and resource rows.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM schools WHERE id = {sent.Id} FOR UPDATE", ct);
        }
        var existing = sent.Id != 0 ? await FindAsync(sent.Id, "", tracking: true, ct) : null;
        if (existing is not null && existing.Version != sent.Version)
        {
            throw new VersionConflictException($"school {existing.Code}");
        }
        await ValidateAgainstStoredAsync(feature, existing, problems, ct);
        problems.ThrowIfAny();
        audit.Add(existing is null ? "school.create" : "school.update", $"school {feature.Code}",
            new { before = AuditLog.Proto(existing is null ? null : SchoolMapping.ToProto(existing)), after = AuditLog.Proto(sent) });

        var adminAreaId = await db.AdminAreas.Where(a => a.Code == feature.AdminArea).Select(a => a.Id).SingleAsync(ct);
        var school = existing ?? new SchoolRow
        {
            Code = feature.Code, Name = feature.Name, Location = feature.Location, Enrolment = feature.Enrolment,
        };
        school.Code = feature.Code;
        school.Name = feature.Name;
        school.Level = feature.Level;
        school.Kind = feature.Kind;
        school.AdminAreaId = adminAreaId;
        school.Location = feature.Location;
        school.Enrolment = feature.Enrolment;
        school.Capacity.Clear();
        school.Capacity.AddRange(feature.Tracks.Select(t =>
            new CapacityStepRow { FromTerm = t.From, PrimaryTracks = t.Primary, JuniorTracks = t.Junior }));
        school.Resources.Clear();
        school.Resources.AddRange(feature.Resources.Select(r => new ResourceRow
        {
            Part = r.Part, FromTerm = r.From, TeachersDegree = r.TeachersDegree, TeachersBackbone = r.TeachersBackbone,
            TeachersPeArt = r.TeachersPeArt, FloorAreaM2 = r.FloorAreaM2, SportsAreaM2 = r.SportsAreaM2,
            EquipmentValueYuan = r.EquipmentValueYuan, MultimediaRooms = r.MultimediaRooms,
        }));
        if (existing is null)
        {
            db.Schools.Add(school);
        }
        else
        {
            // The parent row's xmin is the token: touch it so two concurrent edits cannot both win.
            db.Entry(school).Property(s => s.Version).OriginalValue = (uint)sent.Version;
            db.Entry(school).State = EntityState.Modified;
        }
        await db.SaveEditAsync(ct);
        await transaction.CommitAsync(ct);
        return SchoolMapping.ToProto(await FindAsync(school.Id, "", tracking: false, ct));
    }

    [Authorize(Policy = Roles.Admin)]
    public override async Task<DeleteSchoolResponse> DeleteSchool(DeleteSchoolRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var school = await FindAsync(request.Id, "", tracking: true, ct);
        if (request.Version != 0 && request.Version != school.Version)
        {
            throw new VersionConflictException($"school {school.Code}");
        }
        var users = await db.ResidentialAreas.CountAsync(a => a.SchoolPrimaryId == school.Id || a.SchoolJuniorId == school.Id, ct);
        if (users > 0)
        {
            throw new PreconditionFailedException(
                $"school {school.Code} serves {users} residential area(s); assign them to another school first");
        }
        db.Schools.Remove(school);
        audit.Add("school.delete", $"school {school.Code}", new { before = AuditLog.Proto(SchoolMapping.ToProto(school)) });
        await db.SaveEditAsync(ct);
        return new DeleteSchoolResponse();
    }

    private async Task ValidateAgainstStoredAsync(SchoolFeature feature, SchoolRow? existing, Problems problems, CancellationToken ct)
    {
        var stored = await StoredCodes.LoadAsync(db, ct, exceptSchoolId: existing?.Id ?? 0);
        if (stored.District is null)
        {
            throw new PreconditionFailedException("no dataset has been imported: import the district first");
        }
        var inner = new Problems();
        DatasetValidator.Validate(new DatasetFeatures([], [], [feature], []), stored, replace: false, inner);
        problems.AddAll(inner, field => ProtoFieldNames.School(field, "school"));
        if (existing is not null && existing.Level != feature.Level)
        {
            var part = feature.Level == SchoolLevel.Primary ? "junior" : "primary";
            var served = await db.ResidentialAreas.CountAsync(a =>
                (feature.Level == SchoolLevel.Primary && a.SchoolJuniorId == existing.Id)
                || (feature.Level == SchoolLevel.Junior && a.SchoolPrimaryId == existing.Id), ct);
            if (served > 0)
            {
                problems.Add("school.level", $"{served} residential area(s) rely on its {part} grades");
            }
        }
    }

    private async Task<SchoolRow> FindAsync(long id, string code, bool tracking, CancellationToken ct)
    {
        var query = tracking ? Schools : Schools.AsNoTracking();
        var school = id != 0
            ? await query.FirstOrDefaultAsync(s => s.Id == id, ct)
            : code.Length > 0
                ? await query.FirstOrDefaultAsync(s => s.Code == code, ct)
                : throw new ValidationFailedException([new FieldProblem("id", "id or code is required")]);
        return school ?? throw new NotFoundException(id != 0 ? $"school {id}" : $"school \"{code}\"");
    }
}
