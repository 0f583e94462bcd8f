using Grpc.Core;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.Server.Tests.Access;

/// <summary>Creating and revoking keys over the API; what is stored of a secret.</summary>
public sealed class ApiKeyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AccessService.AccessServiceClient _access = new(fixture.Server.CreateChannel());

    [Fact]
    public async Task CreateApiKey_Planner_SecretWorksWithThatRoleAndOnlyItsHashIsStored()
    {
        var created = await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "新规划员", Role = V1.Role.Planner });

        var me = await new AccessService.AccessServiceClient(fixture.Server.CreateChannel(created.Secret)).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal(created.Key.Id, me.Id);
        Assert.Equal(V1.Role.Planner, me.Role);
        Assert.Equal("新规划员", me.Name);
        Assert.Matches("^pln_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.Equal(created.Secret[..12], created.Key.Prefix);
        Assert.Equal("test admin", created.Key.CreatedBy);
        Assert.Equal(1, await fixture.Server.Database.ScalarAsync(
            $"SELECT count(*) FROM api_keys WHERE secret_hash = sha256('{created.Secret}'::bytea)"));
        Assert.Equal(0, await fixture.Server.Database.ScalarAsync(
            $"SELECT count(*) FROM api_keys k WHERE row_to_json(k)::text LIKE '%{created.Secret[12..]}%'"));
    }

    [Fact]
    public async Task RevokeApiKey_KeyInUse_NextCallUnauthenticated()
    {
        var created = await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "soon gone", Role = V1.Role.Viewer });
        var schools = new SchoolService.SchoolServiceClient(fixture.Server.CreateChannel(created.Secret));
        await schools.ListSchoolsAsync(new ListSchoolsRequest());

        var revoked = await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = created.Key.Id });

        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("test admin", revoked.RevokedBy);
        var e = await RpcAssert.FailsAsync(() => schools.ListSchoolsAsync(new ListSchoolsRequest()).ResponseAsync, StatusCode.Unauthenticated);
        Assert.Contains("revoked", e.Status.Detail);
        await RpcAssert.FailsAsync(() => _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = created.Key.Id }).ResponseAsync,
            StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task RevokeApiKey_LastActiveAdmin_FailedPreconditionAndStillWorks()
    {
        var keys = await _access.ListApiKeysAsync(new ListApiKeysRequest { Page = new PageRequest { PageSize = 1000 } });
        var me = await _access.WhoAmIAsync(new WhoAmIRequest());
        foreach (var other in keys.Keys.Where(k => k.Role == V1.Role.Admin && k.Id != me.Id))
        {
            await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = other.Id });
        }

        var e = await RpcAssert.FailsAsync(() => _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = me.Id }).ResponseAsync,
            StatusCode.FailedPrecondition);

        Assert.Contains("last active admin key", e.Status.Detail);
        Assert.Equal(me.Id, (await _access.WhoAmIAsync(new WhoAmIRequest())).Id);
    }

    [Fact]
    public async Task CreateApiKey_BadNameOrNoRole_EveryViolationNamed()
    {
        var e = await RpcAssert.FailsAsync(() => _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "tab\there" }).ResponseAsync,
            StatusCode.InvalidArgument);

        Assert.Equal(["name", "role"], RpcAssert.Violations(e).Select(v => v.Field));
    }

    [Fact]
    public async Task ListApiKeys_NeverCarriesSecrets_RevokedOnlyOnRequest()
    {
        var created = await _access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "listed", Role = V1.Role.Viewer });
        await _access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = created.Key.Id });

        var active = await _access.ListApiKeysAsync(new ListApiKeysRequest());
        var all = await _access.ListApiKeysAsync(new ListApiKeysRequest { IncludeRevoked = true });

        Assert.DoesNotContain(active.Keys, k => k.Id == created.Key.Id);
        Assert.Contains(all.Keys, k => k.Id == created.Key.Id && k.RevokedAt is not null);
        Assert.DoesNotContain(created.Secret[12..], all.ToString());
    }
}
