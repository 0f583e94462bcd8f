using Google.Protobuf.Reflection;
using Grpc.Core;
using Planning.Server.Data;

namespace Planning.Server.Tests.Access;

/// <summary>
/// The role every planning.v1 method needs, as issue 7 sets it: viewers read everything, planners
/// also work on scenarios, runs and exports, admins also import and edit the base data and manage
/// keys and the audit trail. The server's attributes are checked against this table, not the other way.
/// </summary>
public static class AccessMatrix
{
    private static readonly Dictionary<string, Role> Elevated = new()
    {
        ["planning.v1.DatasetService/ImportDataset"] = Role.Admin,
        ["planning.v1.DatasetService/ExportLayer"] = Role.Planner,
        ["planning.v1.SchoolService/UpsertSchool"] = Role.Admin,
        ["planning.v1.SchoolService/DeleteSchool"] = Role.Admin,
        ["planning.v1.ResidentialAreaService/UpsertResidentialArea"] = Role.Admin,
        ["planning.v1.ResidentialAreaService/DeleteResidentialArea"] = Role.Admin,
        ["planning.v1.ScenarioService/CreateScenario"] = Role.Planner,
        ["planning.v1.ScenarioService/AddScenarioChanges"] = Role.Planner,
        ["planning.v1.ScenarioService/UpdateScenarioSettings"] = Role.Planner,
        ["planning.v1.ScenarioService/DeleteScenario"] = Role.Planner,
        ["planning.v1.SimulationService/RunSimulation"] = Role.Planner,
        ["planning.v1.AssessmentService/ExportAssessment"] = Role.Planner,
        ["planning.v1.AccessService/CreateApiKey"] = Role.Admin,
        ["planning.v1.AccessService/ListApiKeys"] = Role.Admin,
        ["planning.v1.AccessService/RevokeApiKey"] = Role.Admin,
        ["planning.v1.AccessService/ListAuditEvents"] = Role.Admin,
    };

    private static readonly FileDescriptor[] Files =
    [
        V1.AccessReflection.Descriptor, V1.AssessmentReflection.Descriptor, V1.DatasetReflection.Descriptor,
        V1.GeographyReflection.Descriptor, V1.ScenariosReflection.Descriptor, V1.SchoolsReflection.Descriptor,
        V1.SimulationReflection.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> Methods => Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static string Path(MethodDescriptor m) => $"{m.Service.FullName}/{m.Name}";

    public static Role Needed(MethodDescriptor m) => Elevated.GetValueOrDefault(Path(m), Role.Viewer);

    /// <summary>(method, needed role) for every method, as xunit theory data.</summary>
    public static TheoryData<string, Role> All()
    {
        var data = new TheoryData<string, Role>();
        foreach (var m in Methods)
        {
            data.Add(Path(m), Needed(m));
        }
        return data;
    }

    /// <summary>Calls a method with an empty request (bytes, so one path for every method) and returns its status.</summary>
    public static async Task<StatusCode> CallEmptyAsync(CallInvoker invoker, string path)
    {
        var method = Methods.Single(m => Path(m) == path);
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, []);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncServerStreamingCall(raw, null, options, []))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
}
