using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Grpc.Reflection.V1Alpha;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Hosting;

/// <summary>Health checking, server reflection and gRPC-Web on the same endpoints.</summary>
public sealed class HostingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task HealthCheck_DatabaseUp_Serving()
    {
        var health = new Health.HealthClient(fixture.Server.CreateChannel());

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_NamesEveryPlanningService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Server.CreateChannel());
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Superset(new HashSet<string>
        {
            "planning.v1.AccessService", "planning.v1.DatasetService", "planning.v1.GeographyService", "planning.v1.SchoolService",
            "planning.v1.ResidentialAreaService", "planning.v1.ScenarioService", "planning.v1.SimulationService", "planning.v1.AssessmentService",
            "grpc.health.v1.Health",
        }, names.ToHashSet());
    }

    [Fact]
    public async Task GrpcWeb_ListSchoolsOverHttp1_SameAnswerAsGrpc()
    {
        await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));
        var web = GrpcChannel.ForAddress(fixture.Server.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, fixture.Server.Server.CreateHandler()),
            HttpVersion = new Version(1, 1),
        }.WithApiKey(fixture.Server.Server.BaseAddress.ToString(), fixture.Server.AdminKey));

        var overWeb = await new SchoolService.SchoolServiceClient(web).ListSchoolsAsync(new ListSchoolsRequest());
        var overGrpc = await new SchoolService.SchoolServiceClient(fixture.Server.CreateChannel()).ListSchoolsAsync(new ListSchoolsRequest());

        Assert.Equal(overGrpc.Schools.Select(s => s.Code), overWeb.Schools.Select(s => s.Code));
        Assert.Equal(2, overWeb.Page.TotalCount);
    }
}
