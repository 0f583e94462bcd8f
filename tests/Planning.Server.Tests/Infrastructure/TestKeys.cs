using Microsoft.Extensions.DependencyInjection;
using Planning.Server.Access;
using Planning.Server.Data;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>API keys made straight in a test server's database, as the server's key command makes them.</summary>
public static class TestKeys
{
    public static async Task<string> CreateAsync(IServiceProvider services, Role role, string? name = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        var store = new ApiKeyStore(db, new AuditLog(db, Caller.Console("tests")));
        var (_, secret) = await store.CreateAsync(name ?? $"test {Roles.Name(role)}", role, "tests", CancellationToken.None);
        return secret;
    }
}
