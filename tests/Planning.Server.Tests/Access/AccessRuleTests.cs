using Grpc.Core;
using Grpc.Health.V1;
using Planning.Server.Data;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Role = Planning.Server.Data.Role;

namespace Planning.Server.Tests.Access;

/// <summary>Each access rule of issue 7, over the real server: who may call what, and what everyone else gets.</summary>
public sealed class AccessRuleTests(AccessRuleTests.Keys keys) : IClassFixture<AccessRuleTests.Keys>
{
    /// <summary>One server with a key of each role.</summary>
    public sealed class Keys : IAsyncLifetime
    {
        public PlanningServer Server { get; private set; } = null!;

        public Dictionary<Role, string> ByRole { get; } = [];

        public async Task InitializeAsync()
        {
            Server = await PlanningServer.StartAsync();
            ByRole[Role.Admin] = Server.AdminKey;
            ByRole[Role.Planner] = await Server.CreateKeyAsync(Role.Planner, "规划员 planner");
            ByRole[Role.Viewer] = await Server.CreateKeyAsync(Role.Viewer, "viewer");
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private PlanningServer Server => keys.Server;

    [Theory]
    [MemberData(nameof(AccessMatrix.All), MemberType = typeof(AccessMatrix))]
    public async Task EveryMethod_NoKey_Unauthenticated(string method, Role needed)
    {
        _ = needed;
        Assert.Equal(StatusCode.Unauthenticated, await AccessMatrix.CallEmptyAsync(Server.CreateChannel(null).CreateCallInvoker(), method));
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.All), MemberType = typeof(AccessMatrix))]
    public async Task EveryMethod_UnknownKey_Unauthenticated(string method, Role needed)
    {
        _ = needed;
        var unknown = Planning.Server.Access.ApiKeySecret.Generate().Secret; // well formed, never stored
        Assert.Equal(StatusCode.Unauthenticated, await AccessMatrix.CallEmptyAsync(Server.CreateChannel(unknown).CreateCallInvoker(), method));
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.AboveViewer), MemberType = typeof(AccessMatrix))]
    public async Task EveryMethod_RoleBelowNeeded_PermissionDenied(string method, Role needed)
    {
        Assert.True(needed > Role.Viewer, $"{method} needs {needed}: no role below it to refuse");
        foreach (var role in Enum.GetValues<Role>().Where(r => r < needed))
        {
            var status = await AccessMatrix.CallEmptyAsync(Server.CreateChannel(keys.ByRole[role]).CreateCallInvoker(), method);
            Assert.True(status == StatusCode.PermissionDenied, $"{role} calling {method}: {status}");
        }
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.All), MemberType = typeof(AccessMatrix))]
    public async Task EveryMethod_NeededRoleOrAbove_Admitted(string method, Role needed)
    {
        foreach (var role in Enum.GetValues<Role>().Where(r => r >= needed))
        {
            // An empty request may well be invalid or name nothing: any answer but the two refusals means "admitted".
            var status = await AccessMatrix.CallEmptyAsync(Server.CreateChannel(keys.ByRole[role]).CreateCallInvoker(), method);
            Assert.True(status is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.Internal
                    or StatusCode.Unknown or StatusCode.Unimplemented or StatusCode.Unavailable),
                $"{role} calling {method}: {status}");
        }
    }

    [Fact]
    public void AccessTable_EveryMethodOnceAndNothingElse()
    {
        var methods = AccessMatrix.Methods.Select(AccessMatrix.Path).ToList();

        Assert.Equal(46, methods.Count); // the services of proto/planning/v1; a new method must join the table
        Assert.Equal(methods.Order(), AccessMatrix.Table.Order());
    }

    [Fact]
    public async Task HealthCheck_NoKey_Serving()
    {
        var health = new Health.HealthClient(Server.CreateChannel(null));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task Reflection_NoKey_Unauthenticated()
    {
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(Server.CreateChannel(null));
        using var call = reflection.ServerReflectionInfo();

        try
        {
            await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        }
        catch (RpcException)
        {
            // The server may refuse the call before the request is written (the write then reports
            // CANCELLED); the refusal's own status comes with the response.
        }

        await RpcAssert.FailsAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.Unauthenticated);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "Bearer <api key>")]
    [InlineData("Bearer not-a-key", "unknown or has been revoked")]
    [InlineData("Bearer ", "Bearer <api key>")]
    public async Task Call_MalformedAuthorization_UnauthenticatedSayingWhy(string header, string message)
    {
        var schools = new SchoolService.SchoolServiceClient(Server.CreateChannel(null));

        var e = await RpcAssert.FailsAsync(() => schools.ListSchoolsAsync(new ListSchoolsRequest(),
            new Metadata { { "authorization", header } }).ResponseAsync, StatusCode.Unauthenticated);

        Assert.Contains(message, e.Status.Detail);
    }

    [Fact]
    public async Task Call_NoKey_MessageSaysHowToSendOne()
    {
        var schools = new SchoolService.SchoolServiceClient(Server.CreateChannel(null));

        var e = await RpcAssert.FailsAsync(() => schools.ListSchoolsAsync(new ListSchoolsRequest()).ResponseAsync, StatusCode.Unauthenticated);

        Assert.Contains("authorization: Bearer", e.Status.Detail);
    }

    [Fact]
    public async Task UpsertSchool_AsPlanner_PermissionDeniedNamingRoleAndKey()
    {
        var schools = new SchoolService.SchoolServiceClient(Server.CreateChannel(keys.ByRole[Role.Planner]));

        var e = await RpcAssert.FailsAsync(() => schools.UpsertSchoolAsync(new UpsertSchoolRequest()).ResponseAsync, StatusCode.PermissionDenied);

        Assert.Contains("规划员 planner", e.Status.Detail);
        Assert.Contains("has the role planner", e.Status.Detail);
        Assert.Contains("needs admin", e.Status.Detail);
    }

    [Fact]
    public async Task WhoAmI_EachRole_NamesOwnKey()
    {
        foreach (var (role, key) in keys.ByRole)
        {
            var me = await new AccessService.AccessServiceClient(Server.CreateChannel(key)).WhoAmIAsync(new WhoAmIRequest());

            Assert.Equal(Planning.Server.Access.AccessProto.ToProto(role), me.Role);
            Assert.Equal(key[..12], me.Prefix);
        }
    }
}
