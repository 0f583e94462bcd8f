using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.V1;

namespace Planning.Server.Geography;

[Authorize(Policy = Roles.Viewer)]
public sealed class GeographyApi(PlanningDb db) : GeographyService.GeographyServiceBase
{
    public override async Task<V1.District> GetDistrict(GetDistrictRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var district = await db.Districts.AsNoTracking().OrderBy(d => d.Id).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("the district (no dataset has been imported)");
        // Area on the ellipsoid, in km², from PostGIS geography.
        var area = await db.Database
            .SqlQuery<double>($"SELECT ST_Area(boundary::geography) / 1e6 AS \"Value\" FROM districts WHERE id = {district.Id}")
            .SingleAsync(ct);
        return new V1.District
        {
            Code = district.Code,
            Name = district.Name,
            Population = district.Population,
            AreaKm2 = area,
            GeometryGeojson = request.IncludeGeometry ? GeoJsonFile.Write(GeoJsonFile.Simplest(district.Boundary)) : "",
            Synthetic = district.Synthetic,
            Credits = { district.Credits },
        };
    }

    public override async Task<ListAdminAreasResponse> ListAdminAreas(ListAdminAreasRequest request, ServerCallContext context)
    {
        var query = db.AdminAreas.AsNoTracking();
        if (request.Kind != V1.AdminAreaKind.Unspecified)
        {
            var kind = request.Kind == V1.AdminAreaKind.Street ? Data.AdminAreaKind.Street : Data.AdminAreaKind.Town;
            query = query.Where(a => a.Kind == kind);
        }
        var areas = await query.OrderBy(a => a.Code).ToListAsync(context.CancellationToken);
        var response = new ListAdminAreasResponse();
        response.AdminAreas.AddRange(areas.Select(a => new V1.AdminArea
        {
            Id = a.Id,
            Code = a.Code,
            Name = a.Name,
            Kind = Vocabulary.ToProto(a.Kind),
            Population = a.Population,
            Approximate = a.Approximate,
            GeometryGeojson = request.IncludeGeometry ? GeoJsonFile.Write(GeoJsonFile.Simplest(a.Boundary)) : "",
        }));
        return response;
    }
}
