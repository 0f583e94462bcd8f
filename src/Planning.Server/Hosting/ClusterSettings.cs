using System.Net;

namespace Planning.Server.Hosting;

/// <summary>
/// This node's place in the cluster, configurable under "Cluster" (docs/scale-out.md). Every server process is an
/// Orleans silo; the nodes that share a database and a <see cref="ClusterId"/> form one cluster.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Nodes with the same id over the same database are one cluster.</summary>
    public string ClusterId { get; init; } = "planning";

    /// <summary>The address other nodes reach this one at. Loopback by default: a one-node cluster on this machine.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The port for node-to-node (silo) traffic; each node on one machine needs its own.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>
    /// How long a node waits for another's answer to a probe. A node that misses three probes in a row from two
    /// others (one, in a two-node cluster) is declared dead and its runs are taken over: about 3 × this plus a few
    /// seconds of voting.
    /// </summary>
    public double ProbeSeconds { get; init; } = 2;

    /// <summary>Node-to-node traffic is neither encrypted nor authenticated: beyond loopback only on a network of the
    /// cluster's own (docs/scale-out.md), which this setting acknowledges.</summary>
    public bool PrivateNetwork { get; init; }

    /// <summary>These settings, or an error at start naming the first that cannot work.</summary>
    public ClusterSettings Checked()
    {
        var address = IPAddress.TryParse(Address, out var ip) ? ip : null;
        (bool Bad, string Message)[] rules =
        [
            (string.IsNullOrWhiteSpace(ClusterId) || ClusterId.Length > 100, "Cluster:ClusterId must be 1 to 100 characters"),
            (address is null, $"Cluster:Address = {Address} is not an IP address"),
            (SiloPort is < 1 or > 65535, "Cluster:SiloPort must be from 1 to 65535"),
            (ProbeSeconds is < 0.5 or > 60 || !double.IsFinite(ProbeSeconds), "Cluster:ProbeSeconds must be from 0.5 to 60"),
            (address is not null && !IPAddress.IsLoopback(address) && !PrivateNetwork,
                $"Cluster:Address = {Address} is beyond loopback, and node-to-node traffic is neither encrypted nor authenticated: " +
                "put the nodes on a network of their own and set Cluster:PrivateNetwork=true (docs/scale-out.md)"),
        ];
        return rules.FirstOrDefault(r => r.Bad).Message is { } message ? throw new InvalidOperationException(message) : this;
    }
}
