using Grpc.Core;
using Planning.Server.Tests.Access;
using Planning.Server.Tests.Infrastructure;
using Planning.Server.Tests.Properties;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §3: random bytes as the request message ended UNKNOWN "Exception was thrown by handler" on 150 of
/// 198 methods. Every method of the contract, found by reflection, gets request bytes that are not a protobuf
/// message: INVALID_ARGUMENT with a BadRequest, and nothing written.
/// </summary>
public sealed class GarbageRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Methods() => [.. AccessMatrix.Methods.Select(AccessMatrix.Path)];

    /// <summary>Bytes no protobuf parser takes: a tag of field 0, an end-group tag with no group, a length past the end, a varint of 11 bytes.</summary>
    public static readonly byte[][] NotMessages =
    [
        [0x00, 0x01],
        [0x0c],
        [0x0a, 0x7f, 0x41],
        [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
    ];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryMethod_BytesThatAreNoMessage_InvalidArgumentAndNothingWritten(string method)
    {
        var random = new Random(method.GetHashCode(StringComparison.Ordinal));
        foreach (var bytes in NotMessages.Concat(Enumerable.Range(0, 8).Select(_ => RandomNotMessage(random))))
        {
            await Rejection.ExpectAsync(fixture.Server.Database.ConnectionString, async () =>
                throw (Exception?)await AccessMatrix.CallAsync(fixture.Server.CreateChannel().CreateCallInvoker(), method, bytes)
                      ?? new Xunit.Sdk.XunitException($"{method} took {Convert.ToHexString(bytes)} as a request"));
        }
    }

    /// <summary>Random bytes behind a tag of field 0, which every parser refuses wherever the bytes lead.</summary>
    private static byte[] RandomNotMessage(Random random)
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        return [0x00, .. bytes];
    }
}
