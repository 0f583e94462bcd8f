using CsCheck;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>
/// Generated malformed uploads (broken geometry, non-finite and huge numbers, wrong JSON types,
/// missing fields, enormous strings, bad enums, random and truncated bytes) are refused with
/// INVALID_ARGUMENT (RESOURCE_EXHAUSTED over a size limit), never UNKNOWN or INTERNAL, and the
/// stored dataset stays as it was. A failure prints CsCheck's seed; CsCheck_Seed=… replays it.
/// </summary>
public sealed class ImportPropertyTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    public const int Cases = 200;

    private readonly DatasetService.DatasetServiceClient _client = new(fixture.Server.CreateChannel());

    public static readonly Gen<Mutation> AnyMutation = Gen.Frequency(
        (6, FeatureMutations.Geometry),
        (8, FeatureMutations.Property),
        (2, FeatureMutations.Missing),
        (1, FeatureMutations.DuplicateCode),
        (2, LayerMutations.Collection),
        (5, LayerMutations.Bytes));

    /// <summary>Mostly one mutation, so each kind is seen on its own; sometimes two or three together.</summary>
    public static readonly Gen<BadUpload> Uploads = Gen.Frequency((3, AnyMutation.List[1]), (1, AnyMutation.List[2, 3]))
        .Select(m => new BadUpload(m));

    public async Task InitializeAsync() => await new TinyDataset().ImportAsync(_client);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ImportDataset_GeneratedMalformedUploads_InvalidArgumentAndDatabaseUnchanged()
    {
        await Uploads.SampleAsync(
            upload => Rejection.ExpectAsync(fixture.Server.Database.ConnectionString,
                () => Rejection.UploadAsync(_client, upload.Build()), limitAllowed: upload.Oversized),
            iter: Cases, threads: 1, print: upload => upload.ToString());
    }
}
