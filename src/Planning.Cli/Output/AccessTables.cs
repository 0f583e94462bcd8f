using System.Globalization;
using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

/// <summary>API keys and the audit trail as tables.</summary>
internal static class AccessTables
{
    /// <summary>A key's name, role, prefix and server, one per line (whoami).</summary>
    public static Grid Key(ApiKey key, string server)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value) => grid.AddRow(new Text(label, new Style(Color.Grey)), new Text(value));
        Row("name", key.Name);
        Row("role", Names.Of(key.Role));
        Row("prefix", key.Prefix);
        Row("server", server);
        Row("id", key.Id);
        return grid;
    }

    public static Table Keys(IEnumerable<ApiKey> keys)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("name").AddColumn("role").AddColumn("prefix")
            .AddColumn("created").AddColumn("by").AddColumn("last used").AddColumn("revoked");
        foreach (var k in keys)
        {
            table.AddRow(new Text(k.Id), new Text(k.Name), new Text(Names.Of(k.Role)), new Text(k.Prefix),
                new Text(Instant(k.CreatedAt)), new Text(k.CreatedBy), new Text(Instant(k.LastUsedAt)),
                new Text(k.RevokedAt is null ? "" : $"{Instant(k.RevokedAt)} by {k.RevokedBy}", new Style(Color.Red)));
        }
        return table;
    }

    public static Table Events(IEnumerable<AuditEvent> events)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("at").AddColumn("actor").AddColumn("role").AddColumn("peer")
            .AddColumn("action").AddColumn("target").AddColumn("outcome");
        foreach (var e in events)
        {
            var outcome = e.Outcome == AuditOutcome.Denied ? new Style(Color.Red) : Style.Plain;
            table.AddRow(new Text(Instant(e.At)), new Text(e.Actor), new Text(Names.Of(e.Role)), new Text(e.Peer),
                new Text(e.Action), new Text(e.Target), new Text(Names.Of(e.Outcome), outcome));
        }
        return table;
    }

    /// <summary>UTC in ISO 8601 to the second, as `audit --since` takes it back.</summary>
    public static string Instant(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
