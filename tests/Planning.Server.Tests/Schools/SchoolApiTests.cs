using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Schools;

public sealed class SchoolApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly SchoolService.SchoolServiceClient _schools = new(fixture.Server.CreateChannel());
    private readonly ResidentialAreaService.ResidentialAreaServiceClient _areas = new(fixture.Server.CreateChannel());

    public async Task InitializeAsync() =>
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetSchool_UnknownId_NotFound()
    {
        var e = await RpcAssert.FailsAsync(() => _schools.GetSchoolAsync(new GetSchoolRequest { Id = 987654 }).ResponseAsync,
            StatusCode.NotFound);

        Assert.Contains("987654", e.Status.Detail);
    }

    [Fact]
    public async Task GetSchool_ByCode_ReturnsStoredFields()
    {
        var school = await _schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" });

        Assert.Equal("大口屯镇中心小学", school.Name);
        Assert.Equal(SchoolLevel.Primary, school.Level);
        Assert.Equal(620, school.Enrolment.Sum());
        Assert.Equal(3, school.Capacity.Single().PrimaryTracks);
        Assert.Equal(117.25, school.Lon, 9);
        Assert.NotEqual(0UL, school.Version);
    }

    [Fact]
    public async Task UpsertSchool_TwoEditorsSameVersion_SecondGetsAbortedAndFirstEditKept()
    {
        var original = await _schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-J-001" });
        var first = original.Clone();
        first.Name = "大口屯镇第一中学";
        var second = original.Clone();
        second.Name = "大口屯镇第二中学";

        var saved = await _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = first });
        await RpcAssert.FailsAsync(() => _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = second }).ResponseAsync,
            StatusCode.Aborted);

        var stored = await _schools.GetSchoolAsync(new GetSchoolRequest { Id = original.Id });
        Assert.Equal("大口屯镇第一中学", stored.Name);
        Assert.NotEqual(original.Version, saved.Version);
        Assert.Equal(saved.Version, stored.Version);
    }

    [Fact]
    public async Task UpsertSchool_NewSchool_CreatedAndListed()
    {
        var school = NewSchool("BD-P-900");

        var created = await _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school });

        Assert.NotEqual(0, created.Id);
        var listed = await _schools.ListSchoolsAsync(new ListSchoolsRequest { Kind = SchoolKind.New });
        Assert.Contains(listed.Schools, s => s.Code == "BD-P-900" && s.Capacity.Count == 2);
    }

    [Fact]
    public async Task UpsertSchool_InvalidFields_EveryViolationNamedAndNothingStored()
    {
        var school = NewSchool("BD-P-001"); // code already used
        school.Lon = 39.72;                 // swapped with latitude
        school.Lat = 117.35;
        school.Enrolment[0] = -3;
        school.Capacity[0].FromTerm = "2021";
        var before = await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM schools");

        var e = await RpcAssert.FailsAsync(() => _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync,
            StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToList();
        Assert.Contains("school.enrolment[0]", fields);
        Assert.Contains("school.capacity[0].from_term", fields);
        Assert.Equal(before, await fixture.Server.Database.ScalarAsync("SELECT count(*) FROM schools"));
    }

    [Fact]
    public async Task UpsertSchool_DuplicateCodeAndSwappedCoordinates_Rejected()
    {
        var school = NewSchool("BD-P-001");
        school.Lon = 39.72;
        school.Lat = 117.35;

        var e = await RpcAssert.FailsAsync(() => _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = school }).ResponseAsync,
            StatusCode.InvalidArgument);

        var violations = RpcAssert.Violations(e);
        Assert.Contains(violations, v => v.Field == "school.code" && v.Description.Contains("already exists"));
        Assert.Contains(violations, v => v.Field == "school.lon" && v.Description.Contains("longitude first"));
    }

    [Fact]
    public async Task DeleteSchool_StillServingAreas_FailedPrecondition()
    {
        var school = await _schools.GetSchoolAsync(new GetSchoolRequest { Code = "BD-P-001" });

        var e = await RpcAssert.FailsAsync(() => _schools.DeleteSchoolAsync(new DeleteSchoolRequest { Id = school.Id }).ResponseAsync,
            StatusCode.FailedPrecondition);

        Assert.Contains("3 residential area", e.Status.Detail);
    }

    [Fact]
    public async Task DeleteSchool_Unused_GoneAfterwards()
    {
        var created = await _schools.UpsertSchoolAsync(new UpsertSchoolRequest { School = NewSchool("BD-P-901") });

        await _schools.DeleteSchoolAsync(new DeleteSchoolRequest { Id = created.Id, Version = created.Version });

        await RpcAssert.FailsAsync(() => _schools.GetSchoolAsync(new GetSchoolRequest { Id = created.Id }).ResponseAsync,
            StatusCode.NotFound);
    }

    [Fact]
    public async Task ListSchools_FiltersAndPaging_ReturnMatchingPages()
    {
        var firstPage = await _schools.ListSchoolsAsync(new ListSchoolsRequest { Page = new PageRequest { PageSize = 1 } });
        var secondPage = await _schools.ListSchoolsAsync(new ListSchoolsRequest
        {
            Page = new PageRequest { PageSize = 1, PageToken = firstPage.Page.NextPageToken },
        });
        var juniors = await _schools.ListSchoolsAsync(new ListSchoolsRequest { Level = SchoolLevel.Junior });
        var inBox = await _schools.ListSchoolsAsync(new ListSchoolsRequest
        {
            Bbox = new BoundingBox { MinLon = 117.2, MinLat = 39.6, MaxLon = 117.3, MaxLat = 39.7 },
        });

        Assert.Single(firstPage.Schools);
        Assert.NotEmpty(firstPage.Page.NextPageToken);
        Assert.NotEqual(firstPage.Schools[0].Code, secondPage.Schools.Single().Code);
        Assert.All(juniors.Schools, s => Assert.Equal(SchoolLevel.Junior, s.Level));
        Assert.Contains(juniors.Schools, s => s.Code == "BD-J-001");
        Assert.Equal(["BD-P-001"], inBox.Schools.Select(s => s.Code));
    }

    [Fact]
    public async Task ListSchools_BadPageSizeAndBox_InvalidArgument()
    {
        var e = await RpcAssert.FailsAsync(() => _schools.ListSchoolsAsync(new ListSchoolsRequest
        {
            Page = new PageRequest { PageSize = 5000, PageToken = "garbage" },
            Bbox = new BoundingBox { MinLon = 39.6, MinLat = 117.2, MaxLon = 39.7, MaxLat = 117.3 },
        }).ResponseAsync, StatusCode.InvalidArgument);

        var fields = RpcAssert.Violations(e).Select(v => v.Field).ToList();
        Assert.Contains("page.page_size", fields);
        Assert.Contains("page.page_token", fields);
        Assert.Contains("bbox.min_lat", fields);
    }

    [Fact]
    public async Task UpsertResidentialArea_StaleVersion_AbortedAndUnknownIdNotFound()
    {
        var area = await _areas.GetResidentialAreaAsync(new GetResidentialAreaRequest { Code = "120115101202" });
        var edited = area.Clone();
        edited.Population = 1600;
        await _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = edited });

        var stale = area.Clone();
        stale.Population = 1700;
        await RpcAssert.FailsAsync(() => _areas.UpsertResidentialAreaAsync(new UpsertResidentialAreaRequest { ResidentialArea = stale }).ResponseAsync,
            StatusCode.Aborted);
        await RpcAssert.FailsAsync(() => _areas.GetResidentialAreaAsync(new GetResidentialAreaRequest { Id = 424242 }).ResponseAsync,
            StatusCode.NotFound);

        var stored = await _areas.GetResidentialAreaAsync(new GetResidentialAreaRequest { Id = area.Id });
        Assert.Equal(1600, stored.Population);
    }

    [Fact]
    public async Task ListResidentialAreas_BySchool_ReturnsItsAreas()
    {
        var list = await _areas.ListResidentialAreasAsync(new ListResidentialAreasRequest { SchoolCode = "BD-J-001", IncludeGeometry = true });

        Assert.Equal(3, list.Page.TotalCount);
        Assert.All(list.ResidentialAreas, a => Assert.Contains("Polygon", a.GeometryGeojson));
    }

    private static V1.School NewSchool(string code)
    {
        var school = new V1.School
        {
            Code = code,
            Name = "宝坻区新建小学",
            Level = SchoolLevel.Primary,
            Kind = SchoolKind.New,
            AdminAreaCode = "120115101",
            Lon = 117.35, // outside the box that ListSchools_FiltersAndPaging queries
            Lat = 39.72,
            Capacity =
            {
                new CapacityStep { FromTerm = "2021-spring", PrimaryTracks = 4 },
                new CapacityStep { FromTerm = "2022-autumn", PrimaryTracks = 6 },
            },
        };
        school.Enrolment.AddRange(new int[9]);
        return school;
    }
}
