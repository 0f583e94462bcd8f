using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Planning.Server.Data;

namespace Planning.Server.Tests.Access;

/// <summary>
/// The role every planning.v1 method needs, as issue 7 sets it: viewers read everything, planners
/// also work on scenarios, runs and exports, admins also import and edit the base data and manage
/// keys and the audit trail. The server's attributes are checked against this table, not the other
/// way; a method missing from it (a new one) fails the tests until it is given its role here.
/// </summary>
public static class AccessMatrix
{
    private static readonly Dictionary<string, Role> Needs = new()
    {
        ["planning.v1.AccessService/WhoAmI"] = Role.Viewer,
        ["planning.v1.AccessService/CreateApiKey"] = Role.Admin,
        ["planning.v1.AccessService/ListApiKeys"] = Role.Admin,
        ["planning.v1.AccessService/RevokeApiKey"] = Role.Admin,
        ["planning.v1.AccessService/ListAuditEvents"] = Role.Admin,
        ["planning.v1.AssessmentService/AssessDistrict"] = Role.Viewer,
        ["planning.v1.AssessmentService/AssessSchool"] = Role.Viewer,
        ["planning.v1.AssessmentService/GetRectificationList"] = Role.Viewer,
        ["planning.v1.AssessmentService/ExportAssessment"] = Role.Planner,
        ["planning.v1.AssessmentService/PlanAdditions"] = Role.Planner,
        ["planning.v1.DatasetService/ImportDataset"] = Role.Admin,
        ["planning.v1.DatasetService/ExportLayer"] = Role.Planner,
        ["planning.v1.GeographyService/GetDistrict"] = Role.Viewer,
        ["planning.v1.GeographyService/ListAdminAreas"] = Role.Viewer,
        ["planning.v1.RulesService/GetRules"] = Role.Viewer,
        ["planning.v1.ReportService/ExportReport"] = Role.Planner,
        ["planning.v1.ScenarioService/CreateScenario"] = Role.Planner,
        ["planning.v1.ScenarioService/GetScenario"] = Role.Viewer,
        ["planning.v1.ScenarioService/ListScenarios"] = Role.Viewer,
        ["planning.v1.ScenarioService/AddScenarioChanges"] = Role.Planner,
        ["planning.v1.ScenarioService/UpdateScenarioSettings"] = Role.Planner,
        ["planning.v1.ScenarioService/RemoveScenarioChanges"] = Role.Planner,
        ["planning.v1.ScenarioService/MoveScenarioChange"] = Role.Planner,
        ["planning.v1.PlannerService/WhatIf"] = Role.Viewer,
        ["planning.v1.PlannerService/SaveMovesAsPins"] = Role.Planner,
        ["planning.v1.PlannerService/SweepScenario"] = Role.Planner,
        ["planning.v1.ScenarioService/DeleteScenario"] = Role.Planner,
        ["planning.v1.SchoolService/ListSchools"] = Role.Viewer,
        ["planning.v1.SchoolService/GetSchool"] = Role.Viewer,
        ["planning.v1.SchoolService/UpsertSchool"] = Role.Admin,
        ["planning.v1.SchoolService/DeleteSchool"] = Role.Admin,
        ["planning.v1.ResidentialAreaService/ListResidentialAreas"] = Role.Viewer,
        ["planning.v1.ResidentialAreaService/GetResidentialArea"] = Role.Viewer,
        ["planning.v1.ResidentialAreaService/UpsertResidentialArea"] = Role.Admin,
        ["planning.v1.ResidentialAreaService/DeleteResidentialArea"] = Role.Admin,
        ["planning.v1.SimulationService/RunSimulation"] = Role.Planner,
        ["planning.v1.SimulationService/StartRun"] = Role.Planner,
        ["planning.v1.SimulationService/WatchRun"] = Role.Viewer,
        ["planning.v1.SimulationService/CancelRun"] = Role.Planner,
        ["planning.v1.SimulationService/DeleteRun"] = Role.Planner,
        ["planning.v1.SimulationService/GetRun"] = Role.Viewer,
        ["planning.v1.SimulationService/GetRunAdditions"] = Role.Viewer,
        ["planning.v1.SimulationService/ListRuns"] = Role.Viewer,
        ["planning.v1.SimulationService/GetTermResult"] = Role.Viewer,
        ["planning.v1.SimulationService/GetCatchments"] = Role.Viewer,
        ["planning.v1.SimulationService/CompareRuns"] = Role.Viewer,
    };

    /// <summary>Every method of every planning.v1 file compiled into the contract, found by reflection.</summary>
    public static IEnumerable<MethodDescriptor> Methods => typeof(V1.AccessService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package == "planning.v1")
        .SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static IReadOnlyCollection<string> Table => Needs.Keys;

    public static string Path(MethodDescriptor m) => $"{m.Service.FullName}/{m.Name}";

    public static Role Needed(MethodDescriptor m) => Needs.TryGetValue(Path(m), out var role) ? role
        : throw new Xunit.Sdk.XunitException($"{Path(m)} is not in the access table (AccessMatrix): add it with the role it needs");

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

    /// <summary>(method, needed role) for the methods a viewer may not call: the ones a lower role can be refused.</summary>
    public static TheoryData<string, Role> AboveViewer()
    {
        var data = new TheoryData<string, Role>();
        foreach (var m in Methods.Where(m => Needed(m) > Role.Viewer))
        {
            data.Add(Path(m), Needed(m));
        }
        return data;
    }

    /// <summary>Calls a method with an empty request (bytes, so one path for every method) and returns its status.</summary>
    public static async Task<StatusCode> CallEmptyAsync(CallInvoker invoker, string path) =>
        (await CallAsync(invoker, path, []))?.StatusCode ?? StatusCode.OK;

    /// <summary>
    /// Calls a method with <paramref name="request"/> as the encoded request message (one message of a stream);
    /// null when it succeeds, else how it failed.
    /// </summary>
    public static async Task<RpcException?> CallAsync(CallInvoker invoker, string path, byte[] request)
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
                    await invoker.AsyncUnaryCall(raw, null, options, request);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(raw, null, options))
                    {
                        try
                        {
                            if (request.Length > 0)
                            {
                                await call.RequestStream.WriteAsync(request);
                            }
                            await call.RequestStream.CompleteAsync();
                        }
                        catch (RpcException)
                        {
                            // A call refused before its request is sent fails the write as CANCELLED;
                            // the refusal's own status comes with the response.
                        }
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncServerStreamingCall(raw, null, options, request))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }
                    break;
            }
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
}
