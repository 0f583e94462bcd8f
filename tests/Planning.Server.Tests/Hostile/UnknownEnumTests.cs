using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Planning.Server.Tests.Access;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §1: unknown enum values were taken as some default (ImportMode 7 replaced the dataset and
/// wiped 5 scenarios and 10 runs; RunMode 99 or −1 ran as REDISTRIBUTE; a ListSchools level of 99
/// dropped the filter). Every enum field of every request of every method, found by reflection over
/// the contract as the access table is, set to a value the contract does not define: INVALID_ARGUMENT
/// naming that field, and nothing written.
/// </summary>
public sealed class UnknownEnumTests(UnknownEnumTests.Data data) : IClassFixture<UnknownEnumTests.Data>
{
    /// <summary>A server with a dataset and a scenario, so a request taken for a default would have something to break.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public PlanningServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await PlanningServer.StartAsync();
            var channel = Server.CreateChannel();
            await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(channel));
            await new ScenarioService.ScenarioServiceClient(channel).CreateScenarioAsync(new CreateScenarioRequest { Name = "kept" });
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>(method, path of an enum field in its request) for every enum field reachable from every request.</summary>
    public static TheoryData<string, string> EnumFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in AccessMatrix.Methods)
        {
            foreach (var chain in Chains(method.InputType, []))
            {
                data.Add(AccessMatrix.Path(method), PathOf(chain));
            }
        }
        return data;
    }

    [Fact]
    public void EnumFields_Contract_CoversTheFieldsTheIssueNames()
    {
        var fields = EnumFields().Select(row => $"{row[0]} {row[1]}").ToList();
        Assert.Contains("planning.v1.DatasetService/ImportDataset mode", fields);
        Assert.Contains("planning.v1.SimulationService/RunSimulation mode", fields);
        Assert.Contains("planning.v1.SchoolService/ListSchools level", fields);
        Assert.Contains("planning.v1.ScenarioService/CreateScenario changes[0].open_school.school.level", fields);
    }

    [Theory]
    [MemberData(nameof(EnumFields))]
    public async Task EveryMethod_UnknownEnumValue_InvalidArgumentNamingTheFieldAndNothingWritten(string method, string path)
    {
        var input = AccessMatrix.Methods.Single(m => AccessMatrix.Path(m) == method).InputType;
        var chain = Chains(input, []).Single(c => PathOf(c) == path);
        foreach (var value in new[] { 99, -1, 7 }.Where(v => chain[^1].EnumType.FindValueByNumber(v) is null))
        {
            RpcException? refused = null;
            await Rejection.ExpectAsync(data.Server.Database.ConnectionString, async () =>
            {
                refused = await AccessMatrix.CallAsync(data.Server.CreateChannel().CreateCallInvoker(), method, Build(input, chain, value).ToByteArray());
                throw (Exception?)refused ?? new Xunit.Sdk.XunitException($"{method} accepted {path} = {value}");
            });
            var violation = Assert.Single(RpcAssert.Violations(refused!));
            Assert.Equal(path, violation.Field);
            Assert.StartsWith($"{value} is not a value of {chain[^1].EnumType.FullName}", violation.Description, StringComparison.Ordinal);
        }
    }

    /// <summary>Field chains from <paramref name="message"/> down to each enum field (a message type is not entered twice on one chain).</summary>
    private static IEnumerable<IReadOnlyList<FieldDescriptor>> Chains(MessageDescriptor message, IReadOnlyList<FieldDescriptor> above)
    {
        foreach (var field in message.Fields.InFieldNumberOrder().Where(f => !f.IsMap))
        {
            if (field.FieldType == FieldType.Enum)
            {
                yield return [.. above, field];
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.File.Package == "planning.v1"
                     && above.All(f => f.MessageType != field.MessageType) && field.MessageType != message)
            {
                foreach (var chain in Chains(field.MessageType, [.. above, field]))
                {
                    yield return chain;
                }
            }
        }
    }

    private static string PathOf(IReadOnlyList<FieldDescriptor> chain) =>
        string.Join(".", chain.Select(f => f.IsRepeated ? $"{f.Name}[0]" : f.Name));

    /// <summary>A request with the messages of <paramref name="chain"/> made (one element of a list) and its last field set to <paramref name="value"/>.</summary>
    private static IMessage Build(MessageDescriptor root, IReadOnlyList<FieldDescriptor> chain, int value)
    {
        var request = (IMessage)Activator.CreateInstance(root.ClrType)!;
        var current = request;
        foreach (var field in chain)
        {
            object next = field == chain[^1] ? Enum.ToObject(field.EnumType.ClrType, value) : Activator.CreateInstance(field.MessageType.ClrType)!;
            if (field.IsRepeated)
            {
                ((IList)field.Accessor.GetValue(current)).Add(next);
            }
            else
            {
                field.Accessor.SetValue(current, next);
            }
            current = next as IMessage ?? current;
        }
        return request;
    }
}
