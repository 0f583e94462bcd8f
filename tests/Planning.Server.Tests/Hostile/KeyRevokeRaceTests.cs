using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Hostile;

/// <summary>
/// Issue 15 §3: concurrent key revokes ended INTERNAL (PostgreSQL's serialization failure 40001, wrapped two
/// levels deep by EF and Npgsql). A revoke runs serializable so that the last admin key cannot go; two at
/// once may collide, and the one that loses is told ABORTED (read again and retry), never INTERNAL.
/// </summary>
public sealed class KeyRevokeRaceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AccessService.AccessServiceClient _access = new(fixture.Server.CreateChannel());

    [Fact]
    public async Task RevokeApiKey_ManyAtOnce_EachRevokedOrAbortedNeverInternal()
    {
        var statuses = new List<StatusCode>();
        for (var round = 0; round < 5; round++)
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = $"race {round}.{i}", Role = Role.Admin }).ResponseAsync));

            // Each key revoked twice at once, all at the same moment.
            var outcomes = await Task.WhenAll(keys.Concat(keys).Select(k => StatusOfAsync(k.Key.Id)));
            statuses.AddRange(outcomes);

            foreach (var key in keys)
            {
                var stored = await fixture.Server.Database.ScalarAsync($"SELECT count(*) FROM api_keys WHERE id = '{key.Key.Id}' AND revoked_at IS NOT NULL");
                var revokedOnce = await fixture.Server.Database.ScalarAsync(
                    $"SELECT count(*) FROM audit_events WHERE action = 'key.revoke' AND target = 'key {key.Key.Id}'");
                Assert.True(revokedOnce <= 1 && stored == revokedOnce, $"key {key.Key.Id}: revoked {stored}, audited {revokedOnce} times");
            }
        }
        Assert.All(statuses, s => Assert.Contains(s, new[] { StatusCode.OK, StatusCode.Aborted, StatusCode.FailedPrecondition }));
        Assert.Contains(StatusCode.OK, statuses);
    }

    private async Task<StatusCode> StatusOfAsync(string id)
    {
        try
        {
            await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = id });
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
