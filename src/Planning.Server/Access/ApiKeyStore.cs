using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>Creates, finds and revokes API keys; shared by the AccessService and the server's key command.</summary>
public sealed class ApiKeyStore(PlanningDb db, AuditLog audit)
{
    public async Task<(ApiKeyRow Key, string Secret)> CreateAsync(string name, Role? role, string createdBy, CancellationToken ct)
    {
        var problems = new Problems();
        name = name.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            problems.Add("name", "is required, at most 100 characters, without control characters");
        }
        if (role is null)
        {
            problems.Add("role", "is required: viewer, planner or admin");
        }
        problems.ThrowIfAny();
        var (secret, prefix, hash) = ApiKeySecret.Generate();
        var key = new ApiKeyRow
        {
            Id = Guid.NewGuid(),
            Name = name,
            Role = role!.Value,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(key);
        audit.Add("key.create", $"key {key.Id}", new { name, role = Roles.Name(key.Role), prefix });
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }

    /// <summary>
    /// Revokes a key. Over the API the last active admin key stays, so the API cannot lock itself out;
    /// the server's console command may revoke it (<paramref name="allowLastAdmin"/>): it needs no key.
    /// </summary>
    public async Task<ApiKeyRow> RevokeAsync(string id, string revokedBy, CancellationToken ct, bool allowLastAdmin = false)
    {
        var guid = Checks.Id(id, "id", "key");
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == guid, ct) ?? throw new NotFoundException($"key {id}");
        if (key.RevokedAt is not null)
        {
            throw new PreconditionFailedException($"key {id} was already revoked at {key.RevokedAt:u}");
        }
        if (!allowLastAdmin && key.Role == Role.Admin
            && await db.ApiKeys.CountAsync(k => k.Role == Role.Admin && k.RevokedAt == null, ct) == 1)
        {
            throw new PreconditionFailedException(
                $"key {id} is the last active admin key; create another admin key first (or revoke it with the server's key command)");
        }
        key.RevokedAt = DateTimeOffset.UtcNow;
        key.RevokedBy = revokedBy;
        audit.Add("key.revoke", $"key {key.Id}", new { name = key.Name, role = Roles.Name(key.Role), prefix = key.Prefix });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return key;
    }
}
