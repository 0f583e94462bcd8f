using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Planning.Client.Api;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.CrossLanguage;

/// <summary>
/// Another language calls the contract: stubs generated from proto/ with Debian's python3-grpc-tools
/// (and protoc for the shipped google/rpc protos), a real socket, the same answers as the .NET client.
/// </summary>
public sealed class PythonClientTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task PythonClient_StubsFromProto_ListsSchoolsAndDecodesBadRequestOfABadImport()
    {
        var grpcTools = (await ChildProcess.RunAsync(Python,
            ["-c", "import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), '_proto'))"],
            new Dictionary<string, string>(), TimeSpan.FromSeconds(30))).Trim();
        using var stubs = new TempFolder();
        var proto = Path.Combine(RepoPaths.Root, "proto");
        var contract = Directory.GetFiles(Path.Combine(proto, "planning", "v1"), "*.proto").Select(f => Path.GetRelativePath(proto, f));
        await ChildProcess.RunAsync(Python,
            ["-m", "grpc_tools.protoc", $"-I{proto}", $"-I{grpcTools}", $"--python_out={stubs.Path}", $"--grpc_python_out={stubs.Path}", .. contract],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        await ChildProcess.RunAsync("protoc",
            [$"-I{proto}", $"-I{grpcTools}", $"--python_out={stubs.Path}", "google/rpc/status.proto", "google/rpc/error_details.proto", "google/rpc/code.proto"],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        var port = FreePort.Next();
        await using var server = await PlanningServer.StartOnKestrelAsync(new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        var address = $"http://127.0.0.1:{port}";
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions().WithApiKey(address, server.AdminKey));
        var dataset = new TinyDataset();
        await dataset.ImportAsync(new DatasetService.DatasetServiceClient(channel));

        // A schools layer with an unknown level, a negative enrolment and codes already stored.
        var bad = JsonNode.Parse(dataset.Schools.ToJsonString())!.AsObject();
        TinyDataset.Properties(bad, 0)["level"] = "secondary";
        TinyDataset.Properties(bad, 1)["enrolment"]![0] = -5;
        var badFile = Path.Combine(stubs.Path, "bad-schools.geojson");
        await File.WriteAllTextAsync(badFile, bad.ToJsonString());
        var dotnetRefusal = await RpcAssert.FailsAsync(() => TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel),
            [(Layer.Schools, Encoding.UTF8.GetBytes(bad.ToJsonString()))], ImportMode.Append), StatusCode.InvalidArgument);

        var output = await ChildProcess.RunAsync(Python,
            [Path.Combine(RepoPaths.Root, "tests", "clients", "python", "planning_client.py"), stubs.Path, $"127.0.0.1:{port}", server.AdminKey, badFile],
            new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var stored = (await new SchoolService.SchoolServiceClient(channel).ListSchoolsAsync(new ListSchoolsRequest())).Schools;
        Assert.Equal(stored.Select(s => s.Code), root.GetProperty("schools").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(stored.Count, root.GetProperty("total_count").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", root.GetProperty("import_status").GetString());
        var violations = root.GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!)).ToList();
        Assert.Equal(RpcAssert.Violations(dotnetRefusal).Select(v => (v.Field, v.Description)), violations);
        Assert.Contains(violations, v => v.Item1 == "schools[0].level");
        Assert.Contains(violations, v => v.Item1.StartsWith("schools[1].enrolment", StringComparison.Ordinal));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("planning-python-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
