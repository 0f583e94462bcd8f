using V1 = Planning.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>One page of the schools matching the filter, ordered by code.</summary>
    public Task<Page<School>> ListSchoolsAsync(SchoolFilter? filter = null, PageRequest? page = null, CancellationToken ct = default)
    {
        var request = new V1.ListSchoolsRequest
        {
            Level = (filter?.Level ?? SchoolLevel.Unspecified),
            Kind = (filter?.Kind ?? SchoolKind.Unspecified),
            AdminAreaCode = filter?.AdminAreaCode ?? "",
            Bbox = ProtoMapping.ToProto(filter?.Bbox),
            Page = ProtoMapping.ToProto(page),
        };
        return UnaryAsync(o => _schools.ListSchoolsAsync(request, o),
            r => ProtoMapping.ToPage(r.Schools.Select(ProtoMapping.ToRecord), r.Page), ct);
    }

    /// <summary>Every school matching the filter, fetching page after page.</summary>
    public Task<IReadOnlyList<School>> ListAllSchoolsAsync(SchoolFilter? filter = null, CancellationToken ct = default) =>
        AllPagesAsync((page, c) => ListSchoolsAsync(filter, page, c), ct);

    /// <summary>A school by code; NOT_FOUND when unknown.</summary>
    public Task<School> GetSchoolAsync(string code, CancellationToken ct = default) =>
        UnaryAsync(o => _schools.GetSchoolAsync(new V1.GetSchoolRequest { Code = code }, o), ProtoMapping.ToRecord, ct);

    /// <summary>Creates (Id 0, Version 0) or replaces a school; ABORTED when the version is stale.</summary>
    public Task<School> UpsertSchoolAsync(School school, CancellationToken ct = default) =>
        UnaryAsync(o => _schools.UpsertSchoolAsync(new V1.UpsertSchoolRequest { School = ProtoMapping.ToProto(school) }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Deletes a school; FAILED_PRECONDITION while areas are assigned to it. Version 0 skips the check.</summary>
    public Task DeleteSchoolAsync(long id, ulong version = 0, CancellationToken ct = default) =>
        UnaryAsync(o => _schools.DeleteSchoolAsync(new V1.DeleteSchoolRequest { Id = id, Version = version }, o), _ => true, ct);

    /// <summary>One page of residential areas matching the filter, ordered by code.</summary>
    public Task<Page<ResidentialArea>> ListResidentialAreasAsync(
        ResidentialAreaFilter? filter = null, PageRequest? page = null, CancellationToken ct = default)
    {
        var request = new V1.ListResidentialAreasRequest
        {
            Kind = (filter?.Kind ?? ResidentialAreaKind.Unspecified),
            AdminAreaCode = filter?.AdminAreaCode ?? "",
            Bbox = ProtoMapping.ToProto(filter?.Bbox),
            SchoolCode = filter?.SchoolCode ?? "",
            IncludeGeometry = filter?.IncludeGeometry ?? false,
            Page = ProtoMapping.ToProto(page),
        };
        return UnaryAsync(o => _areas.ListResidentialAreasAsync(request, o),
            r => ProtoMapping.ToPage(r.ResidentialAreas.Select(ProtoMapping.ToRecord), r.Page), ct);
    }

    /// <summary>Every residential area matching the filter, fetching page after page.</summary>
    public Task<IReadOnlyList<ResidentialArea>> ListAllResidentialAreasAsync(
        ResidentialAreaFilter? filter = null, CancellationToken ct = default) =>
        AllPagesAsync((page, c) => ListResidentialAreasAsync(filter, page, c), ct);

    /// <summary>An area by code; NOT_FOUND when unknown.</summary>
    public Task<ResidentialArea> GetResidentialAreaAsync(string code, CancellationToken ct = default) =>
        UnaryAsync(o => _areas.GetResidentialAreaAsync(new V1.GetResidentialAreaRequest { Code = code }, o),
            ProtoMapping.ToRecord, ct);

    /// <summary>Creates (Id 0, Version 0) or replaces an area.</summary>
    public Task<ResidentialArea> UpsertResidentialAreaAsync(ResidentialArea area, CancellationToken ct = default) =>
        UnaryAsync(o => _areas.UpsertResidentialAreaAsync(
            new V1.UpsertResidentialAreaRequest { ResidentialArea = ProtoMapping.ToProto(area) }, o), ProtoMapping.ToRecord, ct);

    /// <summary>Deletes an area. Version 0 skips the concurrency check.</summary>
    public Task DeleteResidentialAreaAsync(long id, ulong version = 0, CancellationToken ct = default) =>
        UnaryAsync(o => _areas.DeleteResidentialAreaAsync(new V1.DeleteResidentialAreaRequest { Id = id, Version = version }, o),
            _ => true, ct);

    private const int MaxPageSize = 1000;

    private static async Task<IReadOnlyList<T>> AllPagesAsync<T>(
        Func<PageRequest, CancellationToken, Task<Page<T>>> fetch, CancellationToken ct)
    {
        var all = new List<T>();
        var page = new PageRequest(MaxPageSize);
        while (true)
        {
            var result = await fetch(page, ct);
            all.AddRange(result.Items);
            if (result.NextPageToken.Length == 0 || result.Items.Count == 0)
            {
                return all;
            }
            page = page with { Token = result.NextPageToken };
        }
    }
}
