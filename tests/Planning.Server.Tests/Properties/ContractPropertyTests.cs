using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Planning.Server.Tests.Access;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;
using Xunit.Abstractions;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Issue 15 §3: generated bad requests (HostileMessages) to every method of planning.v1, read and write, found by
/// reflection through the access table. Each ends with a code common.proto documents, never INTERNAL or UNKNOWN;
/// an INVALID_ARGUMENT names its fields; the database (row counts and a checksum of every table) is as before.
/// PLANNING_PROPERTY_CASES sets the total over all methods (the soak run in docs/LOAD-TEST.md uses 10,000);
/// PLANNING_PROPERTY_SEED replays a failing run.
/// </summary>
public sealed class ContractPropertyTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const int DefaultCases = 2_000;
    private const int Parallel = 4;

    private static readonly StatusCode[] Documented =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.Aborted, StatusCode.ResourceExhausted,
        StatusCode.FailedPrecondition,
    ];

    public async Task InitializeAsync() => await new TinyDataset().ImportAsync(new DatasetService.DatasetServiceClient(fixture.Server.CreateChannel()));

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Methods() => [.. AccessMatrix.Methods.Select(AccessMatrix.Path)];

    private static int TotalCases => int.TryParse(Environment.GetEnvironmentVariable("PLANNING_PROPERTY_CASES"), out var n) ? n : DefaultCases;

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryMethod_GeneratedBadRequests_DocumentedStatusAndDatabaseUnchanged(string method)
    {
        var descriptor = AccessMatrix.Methods.Single(m => AccessMatrix.Path(m) == method).InputType;
        var methods = AccessMatrix.Methods.Count();
        var cases = (TotalCases + methods - 1) / methods;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PLANNING_PROPERTY_SEED"), out var s) ? s : Random.Shared.Next();
        var generator = new HostileMessages(seed ^ method.GetHashCode(StringComparison.Ordinal));
        var requests = Enumerable.Range(0, cases).Select(_ => generator.Next(descriptor)).ToArray();
        var invoker = fixture.Server.CreateChannel().CreateCallInvoker();
        var tally = new ConcurrentDictionary<StatusCode, int>();
        var wrong = new ConcurrentBag<string>();

        var before = await DatabaseSnapshot.TakeAsync(fixture.Server.Database.ConnectionString);
        await System.Threading.Tasks.Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (request, _) =>
        {
            var refused = await AccessMatrix.CallAsync(invoker, method, request);
            var code = refused?.StatusCode ?? StatusCode.OK;
            tally.AddOrUpdate(code, 1, (_, n) => n + 1);
            if (!Documented.Contains(code))
            {
                wrong.Add($"{code} \"{refused!.Status.Detail}\" for {Convert.ToHexString(request.AsSpan(0, Math.Min(request.Length, 64)))}…");
            }
            else if (code == StatusCode.InvalidArgument && refused?.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>() is not { FieldViolations.Count: > 0 })
            {
                wrong.Add($"InvalidArgument \"{refused?.Status.Detail}\" without a BadRequest naming the fields");
            }
        });
        var after = await DatabaseSnapshot.TakeAsync(fixture.Server.Database.ConnectionString);

        output.WriteLine($"{method}: {cases} cases, seed {seed.ToString(CultureInfo.InvariantCulture)}: " +
                         string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}")));
        Assert.True(wrong.IsEmpty, $"seed {seed}: {wrong.Count} undocumented outcomes, e.g.\n" + string.Join("\n", wrong.Take(5)));
        Assert.True(before == after, $"seed {seed}: the database changed: {before.Diff(after)}");
    }
}
