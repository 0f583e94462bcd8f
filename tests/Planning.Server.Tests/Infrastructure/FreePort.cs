using System.Net;
using System.Net.Sockets;

namespace Planning.Server.Tests.Infrastructure;

/// <summary>
/// Loopback ports for test servers and clusters that stop and start again on the same port. They are picked below
/// the system's ephemeral range (ip_local_port_range): a port from that range, free while its server is down, can be
/// taken meanwhile by any outgoing connection of the test run, and the restart would then fail to listen.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    private static readonly Lazy<int> EphemeralStart = new(() =>
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '])[0], out var start)
            ? start
            : 32768;
    });

    /// <summary>A loopback TCP port that was free a moment ago and that this test run has not handed out before.</summary>
    public static int Next()
    {
        var low = Math.Min(10_000, EphemeralStart.Value / 2);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(low, EphemeralStart.Value);
            lock (Given)
            {
                if (Given.Contains(port) || !IsFree(port))
                {
                    continue;
                }
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"no free loopback port between {low} and {EphemeralStart.Value}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
