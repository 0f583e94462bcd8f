using System.Net;

namespace Planning.Server.Hosting;

/// <summary>
/// API keys travel in every call's headers, so plain HTTP is for loopback only. An endpoint that
/// listens beyond it without TLS stops the server at start, unless Security:AllowPlainTextRemote
/// is true (behind a TLS-terminating proxy on the same host, say). docs/security.md.
/// </summary>
public static class ListenGuard
{
    public static void Check(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Security:AllowPlainTextRemote"))
        {
            return;
        }
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => (Name: $"Kestrel:Endpoints:{e.Key}:Url", Url: e["Url"]))
            .Concat((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => (Name: "urls", Url: (string?)u)));
        foreach (var (name, url) in urls)
        {
            if (url is not null && IsPlainTextBeyondLoopback(url))
            {
                throw new InvalidOperationException(
                    $"{name} = {url} listens beyond loopback without TLS, and API keys would cross the network in clear text. " +
                    "Give it an https:// URL and a certificate (Kestrel:Endpoints:<name>:Certificate:Path and :KeyPath), " +
                    "keep it on 127.0.0.1, or set Security:AllowPlainTextRemote=true when a TLS proxy on this host fronts it.");
            }
        }
    }

    public static bool IsPlainTextBeyondLoopback(string url)
    {
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Kestrel also takes the wildcards * and + as hosts, which Uri does not parse.
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return !(host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                 || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
    }
}
