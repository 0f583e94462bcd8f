using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace Planning.Client.Api;

/// <summary>
/// The channel's service config: read-only (idempotent) methods are retried while the
/// server answers UNAVAILABLE, with exponential backoff. Writes are never retried.
/// </summary>
internal static class RetryPolicyConfig
{
    private static readonly (string Service, string[] Methods)[] ReadOnlyMethods =
    [
        ("planning.v1.GeographyService", ["GetDistrict", "ListAdminAreas"]),
        ("planning.v1.SchoolService", ["ListSchools", "GetSchool"]),
        ("planning.v1.ResidentialAreaService", ["ListResidentialAreas", "GetResidentialArea"]),
        ("planning.v1.DatasetService", ["ExportLayer"]),
        ("planning.v1.ScenarioService", ["GetScenario", "ListScenarios"]),
        ("planning.v1.SimulationService", ["GetRun", "ListRuns", "GetTermResult", "GetCatchments", "CompareRuns"]),
        ("planning.v1.AssessmentService", ["AssessDistrict", "AssessSchool", "GetRectificationList", "ExportAssessment"]),
        ("planning.v1.AccessService", ["WhoAmI", "ListApiKeys", "ListAuditEvents"]),
        ("grpc.health.v1.Health", ["Check"]),
    ];

    public static ServiceConfig Create(int maxAttempts)
    {
        var methods = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = Math.Max(2, maxAttempts),
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var (service, names) in ReadOnlyMethods)
        {
            foreach (var name in names)
            {
                methods.Names.Add(new MethodName { Service = service, Method = name });
            }
        }
        return new ServiceConfig { MethodConfigs = { methods } };
    }

    /// <summary>A channel to the options' address sending their API key (looked up when not given).</summary>
    public static GrpcChannel CreateChannel(PlanningClientOptions options) =>
        GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            ServiceConfig = options.MaxAttempts > 1 ? Create(options.MaxAttempts) : null,
            MaxReceiveMessageSize = options.MaxReceiveMessageBytes,
            ThrowOperationCanceledOnCancellation = true,
            HttpHandler = options.HttpHandler,
        }.WithApiKey(options.Address, PlanningClientOptions.ResolveApiKey(options.ApiKey, options.Address)));
}
