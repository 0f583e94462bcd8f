using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Common;
using Planning.Server.Data;

namespace Planning.Server.Access;

/// <summary>
/// `Planning.Server keys create|list|revoke`: manages API keys straight in the database, without a
/// running server or a key — how the first admin key comes to be. The secret of a new key is the
/// only thing written to standard output; everything else goes to standard error.
/// </summary>
public static class KeyCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("Manage the server's API keys in its database (ConnectionStrings__Planning).");
        root.Subcommands.Add(Keys(app));
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
    }

    private static Command Keys(WebApplication app)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, planner or admin", Required = true };
        role.AcceptOnlyFromAmong(Roles.Viewer, Roles.Planner, Roles.Admin);
        var create = new Command("create", "Create a key and print its secret (shown this once)") { name, role };
        create.SetAction((parse, ct) => WithStore(app, "keys create", ct, async (store, db) =>
        {
            var (key, secret) = await store.CreateAsync(parse.GetValue(name)!, Roles.Parse(parse.GetValue(role)),
                Caller.Console("keys create").Actor, ct);
            Console.Error.WriteLine($"Created {Roles.Name(key.Role)} key {key.Id} \"{key.Name}\" ({key.Prefix}…)");
            Console.Out.WriteLine(secret);
        }));

        var all = new Option<bool>("--all") { Description = "Also list revoked keys" };
        var list = new Command("list", "List the keys (never their secrets)") { all };
        list.SetAction((parse, ct) => WithStore(app, "keys list", ct, async (_, db) =>
        {
            var showAll = parse.GetValue(all);
            foreach (var k in await db.ApiKeys.AsNoTracking().Where(k => showAll || k.RevokedAt == null)
                         .OrderBy(k => k.CreatedAt).ToListAsync(ct))
            {
                var state = k.RevokedAt is { } at ? $"revoked {at:u}" : $"last used {(k.LastUsedAt is { } u ? u.ToString("u") : "never")}";
                Console.Error.WriteLine($"{k.Id}  {k.Prefix}…  {Roles.Name(k.Role),-7}  {k.Name}  ({state})");
            }
        }));

        var id = new Argument<string>("id") { Description = "The key's id (a UUID)" };
        var revoke = new Command("revoke", "Revoke a key: calls with it fail from now on") { id };
        revoke.SetAction((parse, ct) => WithStore(app, "keys revoke", ct, async (store, _) =>
        {
            var key = await store.RevokeAsync(parse.GetValue(id)!, Caller.Console("keys revoke").Actor, ct, allowLastAdmin: true);
            Console.Error.WriteLine($"Revoked key {key.Id} \"{key.Name}\"");
        }));

        return new Command("keys", "Create, list and revoke API keys") { create, list, revoke };
    }

    private static async Task<int> WithStore(
        WebApplication app, string command, CancellationToken ct, Func<ApiKeyStore, PlanningDb, Task> body)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        try
        {
            await DatabaseInitializer.MigrateAsync(db, ct);
            await body(new ApiKeyStore(db, new AuditLog(db, Caller.Console(command))), db);
            return 0;
        }
        catch (ValidationFailedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is NotFoundException or PreconditionFailedException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 4;
        }
        catch (Exception e) when (ErrorInterceptor.IsDatabaseUnavailable(e))
        {
            Console.Error.WriteLine($"error: the database is unavailable ({e.Message}); is it running? scripts/db start");
            return 5;
        }
    }
}
